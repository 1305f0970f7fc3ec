import Logging
import ServiceLifecycle
import Shared

/// Runs the background jobs in whichever replica holds the leader lock. The lock is renewed
/// while jobs run; if it is lost (the process stalled, Redis restarted), the running job is
/// cancelled and the replica goes back to waiting. A replica that dies simply stops renewing,
/// and another takes over once the lock expires.
public final class BackgroundJobRunner: Service, Sendable {
    let lock: LeaderLock
    let jobs: [any BackgroundJob]
    let logger: Logger

    public init(redis: RedisClient, jobs: [any BackgroundJob], lockTTL: Duration = .seconds(10), logger: Logger) {
        self.lock = LeaderLock(redis: redis, name: "background", ttl: lockTTL)
        self.jobs = jobs
        self.logger = logger
    }

    struct LostLeadership: Error {}

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await self.loop()
        }
        try? await lock.release()
    }

    private func loop() async {
        var nextRun: [String: ContinuousClock.Instant] = [:]
        while !Task.isCancelled {
            let leader = (try? await lock.acquireOrRenew()) ?? false
            if leader {
                let due = jobs.filter { (nextRun[$0.name] ?? .now) <= .now }
                do {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            while !Task.isCancelled {
                                try await Task.sleep(for: self.lock.ttl / 3)
                                guard try await self.lock.acquireOrRenew() else { throw LostLeadership() }
                            }
                        }
                        group.addTask {
                            for job in due {
                                do {
                                    try await job.run(logger: self.logger)
                                } catch is CancellationError {
                                    throw CancellationError()
                                } catch {
                                    self.logger.warning("background job failed", metadata: ["job.name": "\(job.name)", "error": "\(error)"])
                                }
                            }
                        }
                        // The jobs finished (or leadership was lost): stop renewing.
                        try await group.next()
                        group.cancelAll()
                    }
                } catch {
                    if !(error is CancellationError) {
                        logger.warning("lost background leadership", metadata: ["error": "\(error)"])
                    }
                }
                for job in due {
                    nextRun[job.name] = .now + job.interval
                }
            }
            let soonest = jobs.compactMap { nextRun[$0.name] }.min() ?? (.now + lock.ttl / 3)
            let wait = leader ? min(max(soonest - .now, .milliseconds(100)), lock.ttl / 3) : lock.ttl / 3
            try? await Task.sleep(for: wait)
        }
    }
}
