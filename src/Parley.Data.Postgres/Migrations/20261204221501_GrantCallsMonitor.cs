using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Postgres.Migrations
{
    /// <summary>
    /// Data only (no model change): the built-in roles that supervise calls get the new <c>calls.monitor</c> permission in
    /// tenants created before it existed, as <c>BuiltInRoles</c> gives it to new tenants.
    /// </summary>
    [DbContext(typeof(ParleyDbContext))]
    [Migration("20261204221501_GrantCallsMonitor")]
    public partial class GrantCallsMonitor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                UPDATE "AspNetRoles"
                SET "PermissionList" = "PermissionList" || ' calls.monitor', "Version" = "Version" + 1
                WHERE "IsBuiltIn" = TRUE
                  AND "Name" IN ('tenant-admin', 'supervisor', 'platform-operator')
                  AND "PermissionList" NOT LIKE '% calls.monitor%' AND "PermissionList" NOT LIKE 'calls.monitor%';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
