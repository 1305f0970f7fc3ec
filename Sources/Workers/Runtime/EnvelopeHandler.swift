import Logging
import Shared

/// Handles envelopes of some kinds, a batch at a time. A handler's writes must be idempotent:
/// delivery is at least once, so the same envelope may come again after a crash.
public protocol EnvelopeHandler: Sendable {
    /// The envelope kinds this handler takes.
    var kinds: [String] { get }
    /// Handles the whole batch or throws; a throwing batch is retried one envelope at a time.
    func handle(_ batch: [Envelope], logger: Logger) async throws
}

/// Maps envelope kinds to their handlers (after swift-jobs' job registry).
public struct HandlerRegistry: Sendable {
    private var handlers: [String: any EnvelopeHandler] = [:]

    public init(_ handlers: [any EnvelopeHandler] = []) {
        for handler in handlers { register(handler) }
    }

    public mutating func register(_ handler: any EnvelopeHandler) {
        for kind in handler.kinds { handlers[kind] = handler }
    }

    public func handler(for kind: String) -> (any EnvelopeHandler)? { handlers[kind] }
}
