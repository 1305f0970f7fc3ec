import Synchronization

/// Thrown by `withTimeout` when the deadline passes first.
public struct TimeoutError: Error, Sendable {}

/// Runs `body`, throwing `TimeoutError` when `duration` passes first.
///
/// The caller gets its answer on time even when `body` does not react to cancellation (a
/// database call stuck in a client library must not wedge a consumer). That is why this
/// uses two unstructured tasks rather than a task group, which always waits for its
/// children: on timeout the body is cancelled and left to end on its own, its result dropped.
public func withTimeout<Result: Sendable>(
    _ duration: Duration,
    _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    let race = TimeoutRace<Result>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            guard race.start(continuation) else { return }
            let work = Task {
                do { race.finish(.success(try await body())) } catch { race.finish(.failure(error)) }
            }
            let timer = Task {
                try? await Task.sleep(for: duration)
                race.finish(.failure(TimeoutError()))
            }
            race.track(work: work, timer: timer)
        }
    } onCancel: {
        race.finish(.failure(CancellationError()))
    }
}

/// The shared state of one `withTimeout`: the first outcome resumes the caller; the
/// losing task is cancelled.
final class TimeoutRace<Result: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Result, any Error>?
        var outcome: Swift.Result<Result, any Error>?
        var work: Task<Void, Never>?
        var timer: Task<Void, Never>?
    }
    private let state = Mutex(State())

    /// Registers the caller; false (and resumed at once) when cancelled before it started.
    func start(_ continuation: CheckedContinuation<Result, any Error>) -> Bool {
        let early = state.withLock { state -> Swift.Result<Result, any Error>? in
            if let outcome = state.outcome { return outcome }
            state.continuation = continuation
            return nil
        }
        if let early {
            continuation.resume(with: early)
            return false
        }
        return true
    }

    func track(work: Task<Void, Never>, timer: Task<Void, Never>) {
        let finished = state.withLock { state -> Bool in
            state.work = work
            state.timer = timer
            return state.outcome != nil
        }
        if finished {
            work.cancel()
            timer.cancel()
        }
    }

    func finish(_ outcome: Swift.Result<Result, any Error>) {
        let (continuation, work, timer) = state.withLock { state -> (CheckedContinuation<Result, any Error>?, Task<Void, Never>?, Task<Void, Never>?) in
            guard state.outcome == nil else { return (nil, nil, nil) }
            state.outcome = outcome
            defer { state.continuation = nil }
            return (state.continuation, state.work, state.timer)
        }
        work?.cancel()
        timer?.cancel()
        continuation?.resume(with: outcome)
    }
}
