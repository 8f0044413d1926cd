"""nginx serving a static export with the export's own rules, included as docs/site.md shows
(``NGINX_HTTP`` in ``http {}``, ``NGINX_SERVER`` in the ``server {}`` whose root is the export), on one
port of 127.0.0.1: a configuration of its own folder, so nginx runs without root and without the
system's configuration (the static host the tests and the benchmark compare the server with)."""

from __future__ import annotations

import shutil
from pathlib import Path

from .static import NGINX_HTTP, NGINX_SERVER

__all__ = ["local_nginx"]

#: Where Debian installs nginx, for when it is not on ``PATH`` (``/usr/sbin`` is not for a user).
NGINX = "/usr/sbin/nginx"


def local_nginx(site: Path, run: Path, port: int, worker_connections: int = 64) -> list[str]:
    """Writes ``run/nginx.conf``: nginx serving the export ``site`` at 127.0.0.1:``port`` in the
    foreground as one process, its pid, error log and temporary files in the folder ``run``, warnings
    logged. Returns the command that runs it."""
    temp = " ".join(f"{k}_temp_path {run / k};" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (run / "nginx.conf").write_text(
        f"""daemon off;
master_process off;
pid {run / "nginx.pid"};
error_log {run / "error.log"} warn;
events {{ worker_connections {worker_connections}; }}
http {{
    access_log off;
    {temp}
    include {site / NGINX_HTTP};
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include {site / NGINX_SERVER};
    }}
}}
""",
        encoding="utf-8",
    )
    binary = shutil.which("nginx") or NGINX
    return [binary, "-e", str(run / "error.log"), "-p", str(run), "-c", str(run / "nginx.conf")]
