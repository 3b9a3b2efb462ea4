package se.samplan.server.hapi;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.interceptor.model.RequestPartitionId;
import ca.uhn.fhir.jpa.api.svc.IIdHelperService;
import ca.uhn.fhir.jpa.api.svc.ResolveIdentityMode;
import ca.uhn.fhir.jpa.dao.IFulltextSearchSvc;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.jpa.model.entity.ResourceTable;
import ca.uhn.fhir.jpa.search.reindex.ResourceReindexer;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.mapper.orm.Search;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the node's Lucene index durable without a commit per write. A write waits only till its index entries are
 * searchable (Hibernate Search's {@code read-sync}, application.yaml), not till they are committed to disk
 * ({@code write-sync}, its default, a Lucene commit of 10 to 15 ms per write). Instead, before a write's database
 * commit its resources are journaled ({@link Journal}, {@code full-text-journal} in the data folder); every second a
 * checkpoint commits the index and deletes the journal's segments whose writes have all finished. A start after a
 * crash indexes the resources the journal still names again from the database, before the server answers.
 * <p>
 * A segment is deleted only after a commit of the index that followed the end of every write journaled in it: the
 * writes' index entries reach the index writer in Hibernate Search's after-completion step, which runs inside the
 * database commit, before the transaction's synchronizations are told it completed (the package's install asks for
 * asynchronous indexing and commits the index itself when done). The search cluster (OpenSearch) keeps its own
 * durability: there this class is not used.
 */
@Component
@Interceptor
@ConditionalOnProperty(name = "samplan.search-engine.type", havingValue = "lucene", matchIfMissing = true)
public class FullTextJournal implements StorageInterceptor, SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(FullTextJournal.class);
	private static final long CHECKPOINT_MILLIS = 1_000;
	/** Resources indexed again per transaction when recovering. */
	private static final int RECOVERY_BATCH = 200;

	private final Journal journal;
	private final EntityManagerFactory entityManagerFactory;
	private final IIdHelperService<JpaPid> ids;
	private final IHapiTransactionService transactions;
	private final ResourceReindexer reindexer;
	private final IFulltextSearchSvc fullText;
	private final ISearchParamRegistry searchParams;
	@PersistenceContext
	private EntityManager entityManager;
	/** Guards the journal and what follows. */
	private final Object lock = new Object();
	/** Per segment (rotated or current), how many writes journaled in it have not finished. */
	private final Map<Journal.Segment, Integer> unfinished = new IdentityHashMap<>();
	/** Per segment not yet deleted, how many resources it names. */
	private final Map<Journal.Segment, Integer> named = new IdentityHashMap<>();
	/** Rotated segments waiting for their writes to finish and the index to be committed, oldest first. */
	private final List<Journal.Segment> rotated = new ArrayList<>();
	private final Counter journaled;
	private final Thread checkpoints = new Thread(this::checkpointEverySecond, "full-text-checkpoint");
	private boolean running = true;

	FullTextJournal(@Value("${samplan.data-dir}") Path dataDir, EntityManagerFactory entityManagerFactory,
			IIdHelperService<JpaPid> ids, IHapiTransactionService transactions, ResourceReindexer reindexer,
			IFulltextSearchSvc fullText, ISearchParamRegistry searchParams, MeterRegistry metrics) {
		this.journal = new Journal(dataDir.resolve("full-text-journal"));
		this.entityManagerFactory = entityManagerFactory;
		this.ids = ids;
		this.transactions = transactions;
		this.reindexer = reindexer;
		this.fullText = fullText;
		this.searchParams = searchParams;
		this.journaled = metrics.counter("samplan.fulltext.journaled");
		Gauge.builder("samplan.fulltext.uncommitted", this, FullTextJournal::uncommitted)
				.description("Resources written whose full-text index entries are journaled, not yet committed to disk").register(metrics);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		journal(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource current) {
		journal(current);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	public void deleted(IBaseResource resource) {
		journal(resource);
	}

	private void journal(IBaseResource resource) {
		byte[] line = (resource.getIdElement().toUnqualifiedVersionless().getValue() + "\n").getBytes(StandardCharsets.UTF_8);
		Journal.Segment segment;
		synchronized (lock) {
			segment = journal.write(line);
			unfinished.merge(segment, 1, Integer::sum);
			named.merge(segment, 1, Integer::sum);
		}
		journaled.increment();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					finished(segment);
				}
			});
		} else {
			finished(segment); // HAPI writes in transactions; without one the write has finished here
		}
	}

	private void finished(Journal.Segment segment) {
		synchronized (lock) {
			unfinished.merge(segment, -1, (a, b) -> a + b == 0 ? null : a + b);
		}
	}

	/** Indexes again what a stopped node journaled and may not have committed to the index, then starts checkpoints. */
	@Override
	public void afterSingletonsInstantiated() {
		List<Journal.Left> left = journal.leftOver();
		if (!left.isEmpty()) {
			long start = System.nanoTime();
			Set<String> resources = new LinkedHashSet<>();
			left.forEach(l -> resources.addAll(l.lines()));
			searchParams.forceRefresh(); // _content and _text are what the index holds
			int skipped = indexAgain(List.copyOf(resources));
			commitIndex();
			left.forEach(l -> journal.delete(l.segment()));
			log.info("Full-text index: {} resources a stopped node journaled indexed again in {} ms ({} skipped)",
					resources.size() - skipped, (System.nanoTime() - start) / 1_000_000, skipped);
		}
		checkpoints.setDaemon(true);
		checkpoints.start();
	}

	/**
	 * Indexes the resources again from the database, a batch per transaction. One that cannot be (a stored text that
	 * does not parse, say) is logged and skipped rather than keeping the server from starting; returns how many.
	 */
	int indexAgain(List<String> resources) {
		int skipped = 0;
		for (int i = 0; i < resources.size(); i += RECOVERY_BATCH) {
			skipped += indexAgainInOneTransaction(resources.subList(i, Math.min(resources.size(), i + RECOVERY_BATCH)));
		}
		return skipped;
	}

	private int indexAgainInOneTransaction(List<String> batch) {
		try {
			transactions.withSystemRequest().execute(() -> batch.forEach(this::indexAgain));
			return 0;
		} catch (RuntimeException e) {
			if (batch.size() > 1) { // one at a time, to find those that fail
				return batch.stream().mapToInt(resource -> indexAgainInOneTransaction(List.of(resource))).sum();
			}
			log.error("Full-text index: {} not indexed again after a stop; _content and _text may not find it as it is "
					+ "till it is reindexed ($reindex): {}", batch.get(0), e.toString());
			return 1;
		}
	}

	private void indexAgain(String resource) {
		JpaPid pid;
		try {
			int slash = resource.indexOf('/');
			pid = ids.resolveResourceIdentityPid(RequestPartitionId.allPartitions(), resource.substring(0, slash),
					resource.substring(slash + 1), ResolveIdentityMode.includeDeleted().noCacheUnlessDeletesDisabled());
		} catch (ResourceNotFoundException | IndexOutOfBoundsException e) {
			return; // a create whose transaction did not commit, or a line that names no resource
		}
		ResourceTable entity = entityManager.find(ResourceTable.class, pid);
		if (entity == null) {
			return;
		}
		if (entity.getDeleted() != null) {
			fullText.reindex(entity); // a deleted resource's entry is removed
		} else {
			reindexer.reindexResourceEntity(entity);
		}
	}

	private void checkpointEverySecond() {
		while (true) {
			synchronized (lock) {
				try {
					lock.wait(CHECKPOINT_MILLIS);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
				if (!running) {
					return;
				}
			}
			try {
				checkpoint();
			} catch (RuntimeException e) {
				// the segments stay, tried again at the next checkpoint or recovered at the next start
				log.warn("Full-text index not committed at a checkpoint: {}", e.getMessage());
			}
		}
	}

	/** Commits the index once every write journaled in a rotated segment has finished, then deletes those segments. */
	private void checkpoint() {
		List<Journal.Segment> done;
		synchronized (lock) {
			Journal.Segment segment = journal.rotate();
			if (segment != null) {
				rotated.add(segment);
			}
			done = rotated.stream().filter(s -> !unfinished.containsKey(s)).toList();
		}
		if (done.isEmpty()) {
			return;
		}
		commitIndex();
		done.forEach(journal::delete);
		synchronized (lock) {
			rotated.removeAll(done);
			done.forEach(named::remove);
		}
	}

	private int uncommitted() {
		synchronized (lock) {
			return named.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	private void commitIndex() {
		Search.mapping(entityManagerFactory).scope(Object.class).workspace().flush();
	}

	/** A last checkpoint: requests under way have finished (a graceful stop), the index is still open. */
	@PreDestroy
	void stop() throws Exception {
		synchronized (lock) {
			running = false;
			lock.notifyAll();
		}
		checkpoints.join();
		checkpoint();
		journal.close();
	}
}
