using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WebChatAttachmentsHoursTranscripts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ScheduleId",
                table: "ChatWidgets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AttachmentId",
                table: "ChatMessages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentName",
                table: "ChatMessages",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AttachmentSize",
                table: "ChatMessages",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentType",
                table: "ChatMessages",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TranscriptAttempts",
                table: "ChatConversations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TranscriptEmail",
                table: "ChatConversations",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TranscriptError",
                table: "ChatConversations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TranscriptNextAttemptAt",
                table: "ChatConversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TranscriptSentAt",
                table: "ChatConversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatConversations_TranscriptSentAt_TranscriptNextAttemptAt",
                table: "ChatConversations",
                columns: new[] { "TranscriptSentAt", "TranscriptNextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChatConversations_TranscriptSentAt_TranscriptNextAttemptAt",
                table: "ChatConversations");

            migrationBuilder.DropColumn(
                name: "ScheduleId",
                table: "ChatWidgets");

            migrationBuilder.DropColumn(
                name: "AttachmentId",
                table: "ChatMessages");

            migrationBuilder.DropColumn(
                name: "AttachmentName",
                table: "ChatMessages");

            migrationBuilder.DropColumn(
                name: "AttachmentSize",
                table: "ChatMessages");

            migrationBuilder.DropColumn(
                name: "AttachmentType",
                table: "ChatMessages");

            migrationBuilder.DropColumn(
                name: "TranscriptAttempts",
                table: "ChatConversations");

            migrationBuilder.DropColumn(
                name: "TranscriptEmail",
                table: "ChatConversations");

            migrationBuilder.DropColumn(
                name: "TranscriptError",
                table: "ChatConversations");

            migrationBuilder.DropColumn(
                name: "TranscriptNextAttemptAt",
                table: "ChatConversations");

            migrationBuilder.DropColumn(
                name: "TranscriptSentAt",
                table: "ChatConversations");
        }
    }
}
