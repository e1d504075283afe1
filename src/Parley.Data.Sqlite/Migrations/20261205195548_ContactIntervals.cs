using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ContactIntervals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContactIntervalCloses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    Until = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactIntervalCloses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactIntervalCloses_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactIntervals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuarterStart = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredQuarter = table.Column<long>(type: "INTEGER", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    QueueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WrapUpCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AbandonBand = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    InThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    Transfers = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalWaitTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxWaitTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    TalkTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    HoldTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    WrapUpTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactIntervals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactIntervals_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoutingHistory_TenantId_Kind_At",
                table: "RoutingHistory",
                columns: new[] { "TenantId", "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_TenantId_QueuedAt",
                table: "CallRecords",
                columns: new[] { "TenantId", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactIntervalCloses_TenantId_From",
                table: "ContactIntervalCloses",
                columns: new[] { "TenantId", "From" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactIntervals_TenantId_QuarterStart",
                table: "ContactIntervals",
                columns: new[] { "TenantId", "QuarterStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactIntervalCloses");

            migrationBuilder.DropTable(
                name: "ContactIntervals");

            migrationBuilder.DropIndex(
                name: "IX_RoutingHistory_TenantId_Kind_At",
                table: "RoutingHistory");

            migrationBuilder.DropIndex(
                name: "IX_CallRecords_TenantId_QueuedAt",
                table: "CallRecords");
        }
    }
}
