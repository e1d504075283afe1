using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChatTransfer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "InteractionId",
                table: "ChatConversations",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Chats started before transfers existed are held by their first interaction, whose id is theirs.
            migrationBuilder.Sql("UPDATE \"ChatConversations\" SET \"InteractionId\" = \"Id\";");

            migrationBuilder.CreateIndex(
                name: "IX_ChatConversations_InteractionId",
                table: "ChatConversations",
                column: "InteractionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChatConversations_InteractionId",
                table: "ChatConversations");

            migrationBuilder.DropColumn(
                name: "InteractionId",
                table: "ChatConversations");
        }
    }
}
