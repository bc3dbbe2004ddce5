namespace CustomerSuccess.Health;

/// <summary>A green, yellow or red rating of one signal, as the CS Agent playbook signals model rates its components.</summary>
public enum HealthRating
{
    /// <summary>Red: for example logins monthly or less, negative support sentiment, unresponsive.</summary>
    Red = 0,

    /// <summary>Yellow: for example weekly logins, neutral sentiment, delayed responses.</summary>
    Yellow = 1,

    /// <summary>Green: for example daily logins, positive sentiment, responsive.</summary>
    Green = 2,
}
