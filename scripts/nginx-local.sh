#!/usr/bin/env bash
# Starts nginx on loopback as a round-robin balancer (no sticky sessions) over app instances, as in production
# (deploy/nginx-sakrastader.conf) but without TLS. Used by scripts/multi-instance.sh and bench/load.sh.
#   scripts/nginx-local.sh WORKDIR LISTEN_PORT INSTANCE_PORT...     # nginx.pid and nginx-error.log land in WORKDIR
set -euo pipefail
WORK=$1 LB_PORT=$2; shift 2
servers=""
for port in "$@"; do servers+="        server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"$'\n'; done
cat > "$WORK/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/body;
    proxy_temp_path $WORK/proxy;
    fastcgi_temp_path $WORK/fastcgi;
    uwsgi_temp_path $WORK/uwsgi;
    scgi_temp_path $WORK/scgi;
    # The interactive app's circuits are WebSockets (/_blazor): pass the upgrade on; other requests keep alive.
    map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }
    upstream sakrastader {
$servers        keepalive 32;
    }
    server {
        listen 127.0.0.1:$LB_PORT;
        location / {
            proxy_pass http://sakrastader;
            proxy_http_version 1.1;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            proxy_read_timeout 1h;
            proxy_set_header Host \$host:\$server_port;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Correlation-Id \$request_id;
            proxy_connect_timeout 1s;
            proxy_next_upstream error timeout http_502;
        }
    }
}
EOF
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" || { cat "$WORK/nginx-error.log"; exit 1; }
for _ in $(seq 1 20); do curl -fs "http://127.0.0.1:$LB_PORT/health/live" > /dev/null && exit 0; sleep 0.25; done
echo "nginx svarar inte på $LB_PORT"; cat "$WORK/nginx-error.log"; exit 1
