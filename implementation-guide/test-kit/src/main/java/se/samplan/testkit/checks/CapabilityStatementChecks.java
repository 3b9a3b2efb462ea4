package se.samplan.testkit.checks;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import se.samplan.testkit.Exchange;
import se.samplan.testkit.Expect;
import se.samplan.testkit.Kit;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CapabilityStatement ({@code GET [base]/metadata}, open without a token) names the IG and declares its profiles,
 * search parameters and operations.
 */
@Tag("capability")
@DisplayName("CapabilityStatement")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class CapabilityStatementChecks {

	private Exchange metadata;
	private CapabilityStatement cs;

	@BeforeAll
	void read() {
		metadata = Kit.server().getAnonymous("/metadata");
		cs = Expect.that(metadata).status(200).resource(CapabilityStatement.class);
	}

	@Test
	@DisplayName("names the implementation guide")
	void implementationGuide() {
		String ig = IgPackage.definitions(ImplementationGuide.class).get(0).getUrl();
		Expect.that(metadata).isTrue(cs.getImplementationGuide().stream().anyMatch(c -> ig.equals(c.getValue())),
				"CapabilityStatement.implementationGuide should name " + ig);
	}

	@TestFactory
	@DisplayName("declares each profile of the package as a supported profile")
	Stream<DynamicTest> profiles() {
		return IgPackage.definitions(StructureDefinition.class).stream()
				.filter(sd -> sd.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE)
				.map(sd -> DynamicTest.dynamicTest(sd.getType() + " " + sd.getName(), () -> Expect.that(metadata).isTrue(
						resource(sd.getType()).map(r -> r.getSupportedProfile().stream()
								.anyMatch(p -> sd.getUrl().equals(p.getValue()))).orElse(false),
						"rest.resource " + sd.getType() + " should list supportedProfile " + sd.getUrl())));
	}

	@TestFactory
	@DisplayName("declares each search parameter of the package on its resource types")
	Stream<DynamicTest> searchParameters() {
		return IgPackage.definitions(SearchParameter.class).stream().flatMap(sp -> sp.getBase().stream()
				.map(base -> DynamicTest.dynamicTest(base.getCode() + "?" + sp.getCode(), () -> Expect.that(metadata).isTrue(
						resource(base.getCode()).map(r -> r.getSearchParam().stream()
								.anyMatch(p -> sp.getCode().equals(p.getName()))).orElse(false),
						"rest.resource " + base.getCode() + " should list searchParam " + sp.getCode()))));
	}

	@TestFactory
	@DisplayName("declares each operation of the package")
	Stream<DynamicTest> operations() {
		return IgPackage.definitions(OperationDefinition.class).stream()
				.map(od -> DynamicTest.dynamicTest("$" + od.getCode(), () -> Expect.that(metadata).isTrue(
						cs.getRest().stream().anyMatch(rest -> rest.getOperation().stream().anyMatch(o -> od.getCode().equals(o.getName()))
								|| rest.getResource().stream().anyMatch(r -> r.getOperation().stream()
								.anyMatch(o -> od.getCode().equals(o.getName())))),
						"the CapabilityStatement should list operation " + od.getCode())));
	}

	private Optional<CapabilityStatementRestResourceComponent> resource(String type) {
		return cs.getRest().stream().flatMap(r -> r.getResource().stream()).filter(r -> type.equals(r.getType())).findFirst();
	}
}
