#!/usr/bin/env bash
# Until the first production deployment the schema is one "Initial" migration per provider,
# regenerated from the model. After that, add migrations instead: dotnet ef migrations add <Name> ...
set -euo pipefail
cd "$(dirname "$0")/../src/Hereafter.Web"
dotnet tool restore >/dev/null
rm -rf Platform/Data/Migrations
dotnet ef migrations add Initial --context SqliteHereafterDbContext --output-dir Platform/Data/Migrations/Sqlite
dotnet ef migrations add Initial --context PostgresHereafterDbContext --output-dir Platform/Data/Migrations/Postgres
