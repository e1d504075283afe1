using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FlowHttpAllowedHosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "FlowHttpAllowedHosts",
                table: "Tenants",
                type: "text[]",
                nullable: false,
                defaultValue: new List<string>()); // existing tenants get an empty allow-list (added by hand: EF emits none)
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FlowHttpAllowedHosts",
                table: "Tenants");
        }
    }
}
