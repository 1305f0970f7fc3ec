import Foundation
import Logging
import ServiceLifecycle
import Shared
import Synchronization

/// Reads one stream as one member of a consumer group and hands batches to the registry's
/// handlers; XACK only after success or dead-lettering (ARCHITECTURE.md decisions 6–7).
///
/// - New entries come from `XREADGROUP … BLOCK` on a dedicated connection.
/// - At start the consumer first finishes its own pending entries (from an earlier life
///   under the same name), then entries idle past the visibility timeout in the whole group
///   are taken over with `XAUTOCLAIM`, so a killed worker's batch is finished by another.
/// - A failed batch is retried one entry at a time; an entry that keeps failing stays pending
///   and is reclaimed later; after `maxDeliveries` it moves to the dead-letter stream.
/// - On graceful shutdown it stops reading, finishes the batch in hand and returns.
public final class StreamConsumer: Service, Sendable {
    let configuration: ConsumerConfiguration
    let redis: RedisClient
    let registry: HandlerRegistry
    let logger: Logger
    private let processed = Atomic<Int>(0)
    /// Set on graceful shutdown: finish the batch in hand, read no more.
    private let stopping = Atomic<Bool>(false)

    public init(configuration: ConsumerConfiguration, redis: RedisClient, registry: HandlerRegistry, logger: Logger) {
        self.configuration = configuration
        self.redis = redis
        self.registry = registry
        var logger = logger
        logger[metadataKey: "stream.name"] = .string(configuration.stream.rawValue)
        logger[metadataKey: "consumer.group"] = .string(configuration.group)
        logger[metadataKey: "consumer.name"] = .string(configuration.consumerName)
        self.logger = logger
    }

    /// Entries handled (acknowledged) so far by this consumer.
    public var processedCount: Int { processed.load(ordering: .relaxed) }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await self.consume()
        } onGracefulShutdown: {
            self.stopping.store(true, ordering: .relaxed)
        }
    }

    private func consume() async throws {
        var backoff = Duration.milliseconds(100)
        var ownPendingDone = false
        var lastReclaim = ContinuousClock.now - configuration.visibilityTimeout
        var lastRetry = ContinuousClock.now
        while !self.stopping.load(ordering: .relaxed) && !Task.isCancelled {
            do {
                try await redis.withDedicatedConnection { connection in
                    _ = try await connection.send(XGROUP_CREATE(self.configuration.stream, group: self.configuration.group))
                    if !ownPendingDone {
                        try await self.drainOwnPending(connection: connection)
                        ownPendingDone = true
                    }
                    backoff = .milliseconds(100)
                    while !self.stopping.load(ordering: .relaxed) && !Task.isCancelled {
                        if ContinuousClock.now - lastReclaim >= self.configuration.visibilityTimeout / 2 {
                            lastReclaim = ContinuousClock.now
                            try await self.reclaim()
                        }
                        if ContinuousClock.now - lastRetry >= .milliseconds(250) {
                            lastRetry = ContinuousClock.now
                            try await self.retryDue()
                        }
                        let entries = try await connection.xreadgroup(
                            self.configuration.stream, group: self.configuration.group, consumer: self.configuration.consumerName,
                            count: self.configuration.batchSize, block: self.configuration.block
                        )
                        if !entries.isEmpty {
                            await self.process(entries, deliveries: [:])
                        }
                    }
                }
            } catch {
                if self.stopping.load(ordering: .relaxed) || Task.isCancelled { break }
                logger.warning("consumer lost redis; retrying", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: backoff)
                backoff = min(backoff * 2, .seconds(2))
            }
        }
        // Leave the group tidy: a consumer name carries the pid, so each restart would add
        // one more. Only a consumer with nothing pending is removed (its entries stay claimable).
        if let pending = try? await redis.xpending(configuration.stream, group: configuration.group, count: 1, consumer: configuration.consumerName),
            pending.isEmpty
        {
            _ = try? await redis.send(XGROUP_DELCONSUMER(configuration.stream, group: configuration.group, consumer: configuration.consumerName))
        }
        logger.info("consumer stopped", metadata: ["consumer.processed": "\(processedCount)"])
    }

    /// Re-reads entries delivered to this consumer name before and never acknowledged.
    private func drainOwnPending(connection: RedisConnection) async throws {
        var cursor = "0"
        while !self.stopping.load(ordering: .relaxed) {
            let entries = try await connection.send(
                XREADGROUP(group: configuration.group, consumer: configuration.consumerName, count: configuration.batchSize,
                           block: nil, stream: configuration.stream, id: cursor)
            )
            guard let last = entries.last else { return }
            await process(entries, deliveries: try await deliveryCounts(entries))
            cursor = last.id
        }
    }

    /// Takes over entries of any consumer that have been pending past the visibility timeout.
    private func reclaim() async throws {
        var start = "0-0"
        repeat {
            let result = try await redis.xautoclaim(
                configuration.stream, group: configuration.group, consumer: configuration.consumerName,
                minIdle: configuration.visibilityTimeout, start: start, count: configuration.batchSize
            )
            if !result.entries.isEmpty {
                logger.info("reclaimed idle entries", metadata: ["stream.reclaimed": "\(result.entries.count)"])
                await process(result.entries, deliveries: try await deliveryCounts(result.entries))
            }
            start = result.nextStart
        } while start != "0-0" && !self.stopping.load(ordering: .relaxed)
    }

    /// Claims the parked failed entries whose retry delay has passed (XCLAIM counts the new
    /// delivery) and handles them again.
    private func retryDue() async throws {
        let parked = try await redis.xpending(
            configuration.stream, group: configuration.group, minIdle: configuration.retryBase * 0.75,
            count: configuration.batchSize, consumer: configuration.retryConsumer
        )
        let due = parked.filter { $0.idle >= configuration.retryDelay(afterDeliveries: $0.deliveries) }
        guard !due.isEmpty else { return }
        // A min-idle on the claim makes it exclusive: once one consumer claims an entry its
        // idle time restarts, so another consumer's claim of the same entry finds nothing.
        let entries = try await redis.send(
            XCLAIM(configuration.stream, group: configuration.group, consumer: configuration.consumerName,
                   minIdle: configuration.retryBase / 2, ids: due.map(\.id))
        )
        let deliveries = Dictionary(due.map { ($0.id, $0.deliveries + 1) }, uniquingKeysWith: max)
        await process(entries, deliveries: deliveries)
    }

    /// Moves failed entries to the retry consumer: their idle time restarts, and `retryDue`
    /// picks them up after their backoff.
    private func park(_ ids: [String]) async {
        guard !ids.isEmpty else { return }
        _ = try? await redis.send(
            XCLAIM(configuration.stream, group: configuration.group, consumer: configuration.retryConsumer, ids: ids, justID: true)
        )
    }

    private func deliveryCounts(_ entries: [StreamEntry]) async throws -> [String: Int] {
        guard let first = entries.first?.id, let last = entries.last?.id else { return [:] }
        let pending = try await redis.send(
            XPENDING_RANGE(configuration.stream, group: configuration.group, start: first, end: last, count: entries.count + 10)
        )
        return Dictionary(pending.map { ($0.id, $0.deliveries) }, uniquingKeysWith: max)
    }

    /// Handles a batch: bad envelopes are dead-lettered at once, the rest go to their
    /// handlers by kind; acknowledged together at the end.
    func process(_ entries: [StreamEntry], deliveries: [String: Int]) async {
        var byKind: [String: [(StreamEntry, Envelope)]] = [:]
        var kindOrder: [String] = []
        var acknowledged: [String] = []
        for entry in entries {
            guard let fields = entry.fields else {
                // Deleted while pending: nothing left to do but acknowledge.
                acknowledged.append(entry.id)
                continue
            }
            do {
                let envelope = try Envelope(fields: fields)
                guard registry.handler(for: envelope.kind) != nil else {
                    await deadLetter(entry, reason: "no handler for kind \(envelope.kind)", deliveries: deliveries[entry.id] ?? 1)
                    continue
                }
                if byKind[envelope.kind] == nil { kindOrder.append(envelope.kind) }
                byKind[envelope.kind, default: []].append((entry, envelope))
            } catch {
                await deadLetter(entry, reason: "\(error)", deliveries: deliveries[entry.id] ?? 1)
            }
        }
        var parked: [String] = []
        for kind in kindOrder {
            guard let items = byKind[kind], let handler = registry.handler(for: kind) else { continue }
            if await attemptWhileDependenciesDown(handler, items.map(\.1)) {
                acknowledged += items.map(\.0.id)
                TalkHubMetrics.entries("processed", kind: kind, count: items.count)
                continue
            }
            TalkHubMetrics.entries("failed", kind: kind, count: items.count)
            // The batch failed with its dependencies up: try each entry alone, so one poison
            // entry does not hold back the rest.
            for (entry, envelope) in items {
                if items.count > 1, await attempt(handler, [envelope]) {
                    acknowledged.append(entry.id)
                    TalkHubMetrics.entries("processed", kind: kind)
                } else if (deliveries[entry.id] ?? 1) >= configuration.maxDeliveries {
                    await deadLetter(entry, reason: "handler failed after \(configuration.maxDeliveries) deliveries", deliveries: deliveries[entry.id] ?? 1)
                } else {
                    parked.append(entry.id)
                    TalkHubMetrics.entries("retried", kind: kind)
                }
            }
        }
        await acknowledge(acknowledged)
        await park(parked)
    }

    /// Attempts the batch; while a dependency is down, waits for it and tries again without
    /// spending deliveries (an outage is not the entries' fault). False only when the batch
    /// failed with every dependency up.
    private func attemptWhileDependenciesDown(_ handler: any EnvelopeHandler, _ batch: [Envelope]) async -> Bool {
        var delay = Duration.milliseconds(100)
        while true {
            if await attempt(handler, batch) { return true }
            guard let healthy = configuration.dependenciesHealthy, await !healthy() else { return false }
            logger.warning("dependency down; holding the batch until it is back", metadata: ["batch.size": "\(batch.count)"])
            repeat {
                if Task.isCancelled { return false }
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(2))
            } while await !healthy()
        }
    }

    private func attempt(_ handler: any EnvelopeHandler, _ batch: [Envelope]) async -> Bool {
        do {
            let logger = self.logger
            let start = ContinuousClock.now
            try await withTimeout(configuration.handlerTimeout + configuration.perMessageTimeout * batch.count) {
                try await handler.handle(batch, logger: logger)
            }
            TalkHubMetrics.handlerDuration(kind: batch.first?.kind ?? "", duration: ContinuousClock.now - start)
            return true
        } catch {
            var metadata: Logger.Metadata = ["message.kind": "\(batch.first?.kind ?? "")", "batch.size": "\(batch.count)", "error": "\(error)"]
            // A single entry's failure carries the request id it came with, from the gateway.
            if batch.count == 1, let trace = batch.first?.trace { metadata["request.id"] = "\(trace)" }
            logger.warning("handler failed", metadata: metadata)
            return false
        }
    }

    private func acknowledge(_ ids: [String]) async {
        guard !ids.isEmpty else { return }
        var delay = Duration.milliseconds(50)
        // The work is done; keep trying to acknowledge so it is not redone needlessly
        // (redoing would be harmless: every write is idempotent).
        for _ in 0..<20 {
            do {
                try await redis.xack(configuration.stream, group: configuration.group, ids: ids)
                processed.add(ids.count, ordering: .relaxed)
                return
            } catch {
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(1))
            }
        }
        logger.error("could not acknowledge entries; they will be redelivered", metadata: ["batch.size": "\(ids.count)"])
    }

    /// Acknowledges an entry and, only if it was still pending (so only once, whatever
    /// consumers race for it), adds it to the dead-letter stream: one atomic script.
    static let deadLetterScript = """
        if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 1 then
            redis.call('XADD', KEYS[2], '*', unpack(ARGV, 3))
            return 1
        end
        return 0
        """

    private func deadLetter(_ entry: StreamEntry, reason: String, deliveries: Int) async {
        let letter = DeadLetter(
            source: "stream." + configuration.group, reason: reason, stream: configuration.stream.rawValue,
            original: entry.fields ?? [:], deliveries: deliveries
        )
        var args: [RedisArgument] = [RedisArgument(configuration.group), RedisArgument(entry.id)]
        for (name, value) in letter.fields {
            args.append(RedisArgument(name))
            args.append(value)
        }
        do {
            let added = try await redis.eval(Self.deadLetterScript, keys: [configuration.stream, redis.keys.deadLetters], args: args)
            if added.int == 1 {
                // Only known kinds become labels: a poison entry's kind could be anything.
                let kind = entry.fields?["kind"].flatMap { registry.handler(for: $0) != nil ? $0 : nil } ?? "unknown"
                TalkHubMetrics.entries("dead_lettered", kind: kind)
                logger.warning(
                    "entry dead-lettered",
                    metadata: ["message.id": "\(entry.fields?["id"] ?? entry.id)", "request.id": "\(entry.fields?["trace"] ?? "")", "reason": "\(reason)"]
                )
            }
        } catch {
            logger.error("could not dead-letter an entry; it stays pending", metadata: ["error": "\(error)"])
        }
    }
}
