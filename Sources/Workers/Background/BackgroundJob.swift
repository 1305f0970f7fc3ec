import Logging

/// Periodic work that must run in one replica at a time (session closing, analytics,
/// stream trimming, retention). The runner calls it only while holding the leader lock.
public protocol BackgroundJob: Sendable {
    var name: String { get }
    /// Time between the end of one run and the start of the next.
    var interval: Duration { get }
    func run(logger: Logger) async throws
}
