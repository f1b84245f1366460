/// One runbook step placed on the wall clock of one wave's cutover night.
public struct CutoverStep: Sendable {
    public var step: RunbookStep
    /// When the step starts on the wall clock: `written`, or later by the gap when `written`
    /// does not exist (spring-forward night), as `ZonedTime` reads it.
    public var start: LocalMoment
    /// The start as the plan writes it, resolved against the wave's J.
    public var written: LocalMoment
    /// `start` plus the step's duration in elapsed time (a daylight-saving night is honoured).
    public var end: LocalMoment
    /// Whether the step ends after the cutover window closes.
    public var pastWindow: Bool
}
