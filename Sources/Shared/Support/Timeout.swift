/// Thrown by `withTimeout` when the deadline passes first.
public struct TimeoutError: Error, Sendable {}

/// Runs `body`, cancelling it and throwing `TimeoutError` when `duration` passes first.
public func withTimeout<Result: Sendable>(
    _ duration: Duration,
    _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: duration)
            throw TimeoutError()
        }
        defer { group.cancelAll() }
        guard let result = try await group.next() else { throw TimeoutError() }
        return result
    }
}
