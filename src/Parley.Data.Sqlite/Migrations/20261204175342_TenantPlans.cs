using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TenantPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Plan_ApiRequestsPerMinute",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Plan_DigitalSeats",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Plan_MaxConcurrentCalls",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Plan_MaxConcurrentChats",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Plan_MaxPhoneNumbers",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Plan_RecordingRetentionDays",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Plan_VideoSeats",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Plan_VoiceSeats",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Plan_ApiRequestsPerMinute",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Plan_DigitalSeats",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Plan_MaxConcurrentCalls",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Plan_MaxConcurrentChats",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Plan_MaxPhoneNumbers",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Plan_RecordingRetentionDays",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Plan_VideoSeats",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Plan_VoiceSeats",
                table: "Tenants");
        }
    }
}
