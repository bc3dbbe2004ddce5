namespace CustomerSuccess.Engagement;

/// <summary>A dated step around a quarterly business review (CS Manager playbook).</summary>
public enum QbrStep
{
    /// <summary>Schedule the meeting, some days ahead.</summary>
    Schedule = 0,

    /// <summary>Send the pre-read materials, some days before.</summary>
    PreRead = 1,

    /// <summary>Hold the meeting.</summary>
    Meeting = 2,

    /// <summary>Send the summary, within some days after.</summary>
    Summary = 3,
}
