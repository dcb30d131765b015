"""The service with one more route, which fails: how the real server logs a server error."""

from service import create_app

app = create_app()


@app.get("/v1/fails")
def fails():
    raise RuntimeError("a bug in a view")
