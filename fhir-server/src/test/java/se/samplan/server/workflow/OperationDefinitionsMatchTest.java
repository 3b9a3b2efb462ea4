package se.samplan.server.workflow;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samplan.profiles.SipPackage;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OperationDefinitions published in the package say what the server's operations take: the same
 * canonical URL, code, level, and input parameters with the same cardinalities.
 */
class OperationDefinitionsMatchTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(classes = {SipInitiateOperation.class, SipConsentOperation.class, SipInviteOperation.class,
			SipRespondOperation.class, SipActivateOperation.class, SipFollowUpOperation.class, SipCloseOperation.class,
			SipWithdrawConsentOperation.class, se.samplan.server.patientview.SipSummaryOperation.class})
	void packageDefinitionMatchesTheJavaOperation(Class<?> provider) throws IOException {
		Method method = Arrays.stream(provider.getMethods()).filter(m -> m.isAnnotationPresent(Operation.class))
				.findFirst().orElseThrow();
		Operation operation = method.getAnnotation(Operation.class);
		String code = operation.name().substring(1);
		OperationDefinition definition = definition(code);

		assertThat(definition.getUrl()).isEqualTo(operation.canonicalUrl());
		assertThat(definition.getCode()).isEqualTo(code);
		assertThat(definition.getResource()).extracting(r -> r.getValue()).containsExactly(operation.type().getSimpleName());
		boolean instance = Arrays.stream(method.getParameters()).anyMatch(p -> p.isAnnotationPresent(ca.uhn.fhir.rest.annotation.IdParam.class));
		assertThat(definition.getInstance()).isEqualTo(instance);
		assertThat(definition.getType()).isEqualTo(!instance);

		Map<String, String> java = new TreeMap<>();
		for (Parameter p : method.getParameters()) {
			OperationParam param = p.getAnnotation(OperationParam.class);
			if (param != null) {
				String max = param.max() == 1 ? "1" : List.class.isAssignableFrom(p.getType()) ? "*" : "1";
				java.put(param.name(), param.min() + ".." + max);
			}
		}
		Map<String, String> published = definition.getParameter().stream()
				.filter(p -> p.getUse() == OperationParameterUse.IN)
				.collect(Collectors.toMap(p -> p.getName(), p -> p.getMin() + ".." + p.getMax(), (a, b) -> a, TreeMap::new));
		assertThat(published).isEqualTo(java);
	}

	private static OperationDefinition definition(String code) throws IOException {
		try (InputStream in = SipPackage.open()) {
			NpmPackage npm = NpmPackage.fromPackage(in);
			try (InputStream od = npm.load("package", "OperationDefinition-" + code + ".json")) {
				assertThat(od).as(code + " in the package").isNotNull();
				return FhirContext.forR4Cached().newJsonParser().parseResource(OperationDefinition.class, od);
			}
		}
	}
}
