# Gongkai 政务公开平台 — one image for any number of instances (docs/operations.md, "Containers").
#   docker build -t gongkai .
#   docker run -p 127.0.0.1:5080:8080 -v gongkai-data:/srv/gongkai/data -e GONGKAI_ADMIN_PASSWORD='…' gongkai
# Build stage: restore first (cached while only sources change), then publish Release.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Gongkai.slnx ./
COPY src/Gongkai.Domain/Gongkai.Domain.csproj src/Gongkai.Domain/
COPY src/Gongkai/Gongkai.csproj src/Gongkai/
RUN dotnet restore src/Gongkai/Gongkai.csproj
COPY src/ src/
RUN dotnet publish src/Gongkai/Gongkai.csproj -c Release -o /app --no-restore

# Run stage: the ASP.NET runtime, Chinese fonts for PDFs (reply letters, the annual report),
# pg_dump/pg_restore for `backup`/`restore` on PostgreSQL, curl for the health check.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei postgresql-client curl \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /opt/gongkai
WORKDIR /srv/gongkai
RUN useradd --system --home /srv/gongkai gongkai && mkdir -p data && chown gongkai:gongkai data
USER gongkai
# Listen on every interface inside the container; publish the port to loopback or a private
# network only, with nginx (docs/nginx-gongkai.conf) terminating TLS in front.
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    Gongkai__DataPath=/srv/gongkai/data \
    DOTNET_RUNNING_IN_CONTAINER=true
VOLUME /srv/gongkai/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/opt/gongkai/Gongkai.dll"]
