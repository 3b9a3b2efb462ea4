package se.samplan.server.search;

import ca.uhn.fhir.jpa.search.builder.SearchBuilder;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samplan.server.ServerTestBase;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging as a vendor relies on it: every match shows on exactly one page (also of a full-text search), a write is
 * found by the next search at once (nothing of a search is kept between requests: offset paging), and {@code _count} is
 * capped at the largest page size (200).
 */
class SearchPagingTest extends ServerTestBase {

	private final String name = "Sidprov" + UUID.randomUUID().toString().substring(0, 8);
	@org.springframework.beans.factory.annotation.Autowired
	private org.springframework.jdbc.core.JdbcTemplate jdbc;

	@BeforeEach
	void asOperator() {
		actAs(OPERATOR);
	}

	@Test
	void theNextLinksShowEveryMatchOnce() {
		List<String> created = create(5);
		Bundle page = search("Organization?name=" + name + "&_count=2");
		assertThat(ids(page)).hasSize(2);
		List<String> seen = new ArrayList<>(ids(page));
		while (page.getLink(Bundle.LINK_NEXT) != null) {
			page = client.loadPage().next(page).execute();
			seen.addAll(ids(page));
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
		assertThat(search("Organization?name=" + name + "&_count=2&_total=accurate").getTotal()).isEqualTo(5);
	}

	@Test
	void aSearchIsAnsweredWithoutWritingAndPagedByOffset() {
		List<String> created = create(3);
		int searches = jdbc.queryForObject("SELECT COUNT(*) FROM HFJ_SEARCH", Integer.class);
		Bundle page = search("Organization?name=" + name + "&_count=2");
		assertThat(page.getLink(Bundle.LINK_NEXT).getUrl()).contains("_offset=2");
		assertThat(ids(client.loadPage().next(page).execute())).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM HFJ_SEARCH", Integer.class)).as("nothing kept of the searches")
				.isEqualTo(searches);
		assertThat(search("Organization?name=" + name).getTotal()).as("the total on the last page").isEqualTo(created.size());
	}

	@Test
	void aFullTextSearchShowsEveryMatchOnceToo() {
		List<String> created = create(3);
		Bundle page = search("Organization?_content=" + name + "&_count=2");
		List<String> seen = new ArrayList<>(ids(page));
		while (page.getLink(Bundle.LINK_NEXT) != null) {
			page = client.loadPage().next(page).execute();
			seen.addAll(ids(page));
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
		assertThat(search("Organization?_content=" + name + "&_count=2").getLink(Bundle.LINK_NEXT).getUrl())
				.as("paged by offset, as a search of fewer matches than a batch").contains("_offset=2");
		String query = "Organization?_content=" + name;
		assertThat(ids(search(query))).hasSize(3);
		create(1);
		assertThat(ids(search(query))).as("a write, found by the same search at once").hasSize(4);
	}

	/**
	 * More full-text matches than one of HAPI's batches of 800: offset paging would leave out the matches of the
	 * second batch on the last page, so HAPI's stored paging pages it, and an offset past the first page is refused.
	 */
	@Test
	void aFullTextSearchOfMoreMatchesThanABatchShowsEveryMatchOnceAndRefusesAnOffset() {
		List<String> created = create(SearchBuilder.getMaximumPageSize() + 1);
		Bundle page = search("Organization?_content=" + name + "&_count=200");
		assertThat(page.getLink(Bundle.LINK_NEXT).getUrl()).doesNotContain("_offset");
		List<String> seen = new ArrayList<>(ids(page));
		while (page.getLink(Bundle.LINK_NEXT) != null) {
			page = client.loadPage().next(page).execute();
			seen.addAll(ids(page));
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
		assertThat(ids(search("Organization?_content=" + name + "&_count=200&_offset=0"))).as("the first page by offset")
				.hasSize(200);

		HttpResponse<String> later = get("/fhir/Organization?_content=" + name + "&_count=200&_offset=200");
		assertThat(later.statusCode()).isEqualTo(400);
		OperationOutcome.OperationOutcomeIssueComponent issue = outcome(later).getIssueFirstRep();
		assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.TOOCOSTLY);
		assertThat(issue.getDetails().getText()).contains("Fritextsökningen");
		assertThat(issue.getDiagnostics()).contains("_offset");
		assertThat(expressions(later)).containsExactly("_offset");

		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Organization?_content=" + name + "&_count=200&_offset=200");
		assertThat(client.transaction().withBundle(batch).execute().getEntryFirstRep().getResponse().getStatus())
				.as("the same page asked in a batch").startsWith("400");
	}

	@Test
	void aWriteIsFoundByTheNextSearchAtOnce() {
		create(1);
		String query = "Organization?name=" + name;
		assertThat(ids(search(query))).hasSize(1);
		create(1);
		assertThat(ids(search(query))).hasSize(2);
	}

	@Test
	void countIsCappedAtTheLargestPageSize() {
		create(201);
		Bundle page = search("Organization?name=" + name + "&_count=500");
		assertThat(ids(page)).hasSize(200);
		assertThat(ids(client.loadPage().next(page).execute())).hasSize(1);
	}

	/** Organizations with this test's name, in one transaction; their keys. */
	private List<String> create(int n) {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (int i = 0; i < n; i++) {
			transaction.addEntry().setResource(new Organization().setName(name + " " + i))
					.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Organization");
		}
		return client.transaction().withBundle(transaction).execute().getEntry().stream()
				.map(e -> e.getResponse().getLocation().replaceAll("/_history/.*", "")).toList();
	}

	private Bundle search(String query) {
		return client.search().byUrl(query).returnBundle(Bundle.class).execute();
	}

	private static List<String> ids(Bundle page) {
		return page.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).map(Resource::getIdElement)
				.map(id -> id.toUnqualifiedVersionless().getValue()).toList();
	}
}
