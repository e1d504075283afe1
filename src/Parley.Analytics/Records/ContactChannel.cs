namespace Parley.Analytics.Records;

/// <summary>The channel a contact arrived on.</summary>
public enum ContactChannel
{
    Voice,
    Chat,
}
