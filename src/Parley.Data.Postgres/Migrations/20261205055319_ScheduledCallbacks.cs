using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ScheduledCallbacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScheduledCallbacks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    InteractionId = table.Column<Guid>(type: "uuid", nullable: false),
                    QueueId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CalledNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CallId = table.Column<Guid>(type: "uuid", nullable: true),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledCallbacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScheduledCallbacks_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledCallbacks_DueAt",
                table: "ScheduledCallbacks",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledCallbacks_InteractionId",
                table: "ScheduledCallbacks",
                column: "InteractionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledCallbacks_TenantId_DueAt",
                table: "ScheduledCallbacks",
                columns: new[] { "TenantId", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScheduledCallbacks");
        }
    }
}
