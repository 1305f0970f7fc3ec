import Shared
import Synchronization

/// The HTTP requests of one gateway waiting for tool results, by call id. A waiter is
/// registered *before* its call is enqueued, so a reply that comes back faster than the
/// request reaches `wait` is kept, not dropped. Several waiters may share a call id (a replay
/// of a running call); each is resumed exactly once, by a reply, its deadline (`expire`, run
/// by one sweeper for all of them instead of a timer task per call), a cancellation or `forget`.
final class ReplyWaiters: Sendable {
    private enum Slot {
        case registered
        case waiting(CheckedContinuation<ToolResult?, Never>)
        case done(ToolResult)
    }

    private struct State {
        var nextToken = 0
        var calls: [String: [Int: Slot]] = [:]
        var deadlines: [Token: ContinuousClock.Instant] = [:]
        /// Set once nothing sweeps deadlines any more: later waits end at once.
        var closed = false
    }

    private let state = Mutex(State())

    struct Token: Sendable, Hashable {
        let callID: String
        let number: Int
    }

    func register(_ callID: String, deadline: ContinuousClock.Instant) -> Token {
        state.withLock { state in
            state.nextToken &+= 1
            state.calls[callID, default: [:]][state.nextToken] = .registered
            let token = Token(callID: callID, number: state.nextToken)
            state.deadlines[token] = deadline
            return token
        }
    }

    /// Resumes with nil every waiter whose deadline has passed and removes it. Returns how
    /// many waiters remain; with `closeWhenEmpty`, none remaining closes the registry (the
    /// sweeper is stopping), so a wait that starts afterwards ends at once instead of never.
    @discardableResult
    func expire(now: ContinuousClock.Instant = .now, closeWhenEmpty: Bool = false) -> Int {
        let (expired, remaining) = state.withLock { state -> ([CheckedContinuation<ToolResult?, Never>], Int) in
            var expired: [CheckedContinuation<ToolResult?, Never>] = []
            for (token, deadline) in state.deadlines where deadline <= now {
                if case .waiting(let continuation)? = state.calls[token.callID]?[token.number] { expired.append(continuation) }
                Self.remove(token, from: &state)
            }
            if closeWhenEmpty && state.deadlines.isEmpty { state.closed = true }
            return (expired, state.deadlines.count)
        }
        for continuation in expired { continuation.resume(returning: nil) }
        return remaining
    }

    /// Hands a result to every waiter of its call; a result nobody waits for is dropped.
    /// Returns how many waiters took it.
    @discardableResult
    func deliver(_ result: ToolResult) -> Int {
        let resumed = state.withLock { state -> [CheckedContinuation<ToolResult?, Never>] in
            guard var slots = state.calls[result.id] else { return [] }
            var resumed: [CheckedContinuation<ToolResult?, Never>] = []
            for (number, slot) in slots {
                switch slot {
                case .registered: slots[number] = .done(result)
                case .waiting(let continuation):
                    resumed.append(continuation)
                    slots[number] = nil
                case .done: break
                }
            }
            state.calls[result.id] = slots.isEmpty ? nil : slots
            return resumed
        }
        for continuation in resumed { continuation.resume(returning: result) }
        return resumed.count
    }

    /// Waits for the call's result; nil when its deadline passed or the task was cancelled.
    func wait(_ token: Token) async -> ToolResult? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<ToolResult?, Never>) in
                let immediate = state.withLock { state -> ToolResult?? in
                    switch state.calls[token.callID]?[token.number] {
                    case .registered? where state.closed:
                        Self.remove(token, from: &state)
                        return .some(nil)
                    case .registered?:
                        state.calls[token.callID]![token.number] = .waiting(continuation)
                        return .none
                    case .done(let result)?:
                        Self.remove(token, from: &state)
                        return .some(result)
                    case .waiting?, nil:
                        // Expired, cancelled or forgotten before we got here.
                        return .some(nil)
                    }
                }
                if case .some(let result) = immediate { continuation.resume(returning: result) }
            }
        } onCancel: {
            forget(token)
        }
    }

    /// Removes the waiter, resuming it with nil if it is still waiting.
    func forget(_ token: Token) {
        let continuation = state.withLock { state -> CheckedContinuation<ToolResult?, Never>? in
            let slot = state.calls[token.callID]?[token.number]
            Self.remove(token, from: &state)
            if case .waiting(let continuation)? = slot { return continuation }
            return nil
        }
        continuation?.resume(returning: nil)
    }

    private static func remove(_ token: Token, from state: inout State) {
        state.deadlines[token] = nil
        state.calls[token.callID]?[token.number] = nil
        if state.calls[token.callID]?.isEmpty == true { state.calls[token.callID] = nil }
    }
}
