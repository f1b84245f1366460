/// One runbook step placed on the wall clock of one wave's cutover night.
public struct CutoverStep: Sendable {
    public var step: RunbookStep
    public var start: LocalMoment
    /// `start` plus the step's duration in elapsed time (a daylight-saving night is honoured).
    public var end: LocalMoment
    /// Whether the step ends after the cutover window closes.
    public var pastWindow: Bool
}
