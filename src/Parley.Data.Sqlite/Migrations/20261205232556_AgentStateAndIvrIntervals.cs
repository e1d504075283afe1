using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AgentStateAndIvrIntervals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgentStateIntervals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuarterStart = table.Column<long>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Ticks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentStateIntervals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgentStateIntervals_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IvrIntervals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuarterStart = table.Column<long>(type: "INTEGER", nullable: false),
                    FlowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PathJson = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IvrIntervals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IvrIntervals_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoutingHistory_TenantId_AgentId_Kind_At",
                table: "RoutingHistory",
                columns: new[] { "TenantId", "AgentId", "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AgentStateIntervals_TenantId_QuarterStart",
                table: "AgentStateIntervals",
                columns: new[] { "TenantId", "QuarterStart" });

            migrationBuilder.CreateIndex(
                name: "IX_IvrIntervals_TenantId_QuarterStart",
                table: "IvrIntervals",
                columns: new[] { "TenantId", "QuarterStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgentStateIntervals");

            migrationBuilder.DropTable(
                name: "IvrIntervals");

            migrationBuilder.DropIndex(
                name: "IX_RoutingHistory_TenantId_AgentId_Kind_At",
                table: "RoutingHistory");
        }
    }
}
