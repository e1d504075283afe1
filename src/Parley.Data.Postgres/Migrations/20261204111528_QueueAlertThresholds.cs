using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class QueueAlertThresholds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AlertContactsInQueueAmber",
                table: "Queues",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AlertContactsInQueueRed",
                table: "Queues",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AlertOldestContactAgeAmberSeconds",
                table: "Queues",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AlertOldestContactAgeRedSeconds",
                table: "Queues",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AlertServiceLevelAmberPercent",
                table: "Queues",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AlertServiceLevelRedPercent",
                table: "Queues",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_TenantId_EnqueuedAt",
                table: "Interactions",
                columns: new[] { "TenantId", "EnqueuedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Interactions_TenantId_EnqueuedAt",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "AlertContactsInQueueAmber",
                table: "Queues");

            migrationBuilder.DropColumn(
                name: "AlertContactsInQueueRed",
                table: "Queues");

            migrationBuilder.DropColumn(
                name: "AlertOldestContactAgeAmberSeconds",
                table: "Queues");

            migrationBuilder.DropColumn(
                name: "AlertOldestContactAgeRedSeconds",
                table: "Queues");

            migrationBuilder.DropColumn(
                name: "AlertServiceLevelAmberPercent",
                table: "Queues");

            migrationBuilder.DropColumn(
                name: "AlertServiceLevelRedPercent",
                table: "Queues");
        }
    }
}
