namespace Parley.Server.Application;

/// <summary>The outcome of an application command or query: a value, or the <see cref="AppError"/> that refused it.</summary>
public sealed record AppResult<T>
{
    private AppResult(T? value, AppError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public AppError? Error { get; }

    public bool IsOk => Error is null;

    public static AppResult<T> Ok(T value) => new(value, null);

    public static AppResult<T> Fail(AppError error) => new(default, error);

    public static implicit operator AppResult<T>(AppError error) => Fail(error);
}
