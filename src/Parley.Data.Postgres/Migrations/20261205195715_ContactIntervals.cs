using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Parley.Data.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuarterStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredQuarter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    QueueId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    WrapUpCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AbandonBand = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    InThreshold = table.Column<int>(type: "integer", nullable: false),
                    Transfers = table.Column<int>(type: "integer", nullable: false),
                    TotalWaitTicks = table.Column<long>(type: "bigint", nullable: false),
                    MaxWaitTicks = table.Column<long>(type: "bigint", nullable: false),
                    TalkTicks = table.Column<long>(type: "bigint", nullable: false),
                    HoldTicks = table.Column<long>(type: "bigint", nullable: false),
                    WrapUpTicks = table.Column<long>(type: "bigint", nullable: false)
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
