using Microsoft.EntityFrameworkCore;

namespace Parley.Data;

/// <summary>Settings every provider applies to the Parley model, whatever the database.</summary>
public static class ParleyModelOptions
{
    public static DbContextOptionsBuilder UseParleyModel(this DbContextOptionsBuilder builder) =>
        builder.UseOpenIddict();
}
