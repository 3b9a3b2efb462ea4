package se.samplan.server.validation;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.util.FhirTerser;
import org.hl7.fhir.common.hapi.validation.support.BaseValidationSupportWrapper;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The validation chain as the profile validator sees it, with HL7's core definitions (hl7.fhir.r4.core, built into
 * HAPI) held at what validating needs. HAPI loads the core's structure definitions (a plain HAPI server holds them
 * too), the validator adds the core's terminology and an R5 copy of every definition it works on: about 160 MB of
 * heap together, 90 of them over a plain HAPI server's. Two things cut that without changing what is valid:
 * <ul>
 * <li>Documentation is dropped from the core definitions once, before the first validation: narratives,
 * descriptions, element definitions, comments, requirements, examples, mappings to other standards, XPath
 * constraints, and the differential of a definition that has its snapshot (validation reads the snapshot). Kept:
 * all structure, cardinality, types, slicing, fixed and pattern values, bindings, FHIRPath constraints, extensions,
 * codes and their displays. Equal texts are then held once (the R5 copies share them too). HAPI holds these
 * objects once per JVM; besides the validators (also HAPI's own {@code $validate}), its FHIRPath engine for search
 * parameters reads them, for types and elements, never their documentation.</li>
 * <li>The list of all structure definitions, which the validator converts in full, names the core's base types and
 * resources and every non-core definition, not the core's profiles and extensions: those are converted when an
 * instance names one (fetched by URL as before).</li>
 * </ul>
 */
final class CoreDefinitions extends BaseValidationSupportWrapper {

	private static final String CORE = "http://hl7.org/fhir/StructureDefinition/";

	private final DefaultProfileValidationSupport core;
	private volatile boolean slim;

	CoreDefinitions(IValidationSupport chain, DefaultProfileValidationSupport core) {
		super(chain.getFhirContext(), chain);
		this.core = core;
	}

	/** Drops the core's documentation and shares its texts, once; loads the core if nothing has yet. */
	void slim() {
		if (slim) {
			return;
		}
		synchronized (this) {
			if (!slim) {
				FhirTerser terser = getFhirContext().newTerser();
				Map<String, String> shared = new HashMap<>();
				for (IBaseResource resource : core.fetchAllConformanceResources()) {
					withoutDocumentation(resource);
					shareTexts(resource, terser, shared);
				}
				slim = true;
			}
		}
	}

	@Override
	public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
		List<T> all = super.fetchAllStructureDefinitions();
		return all.stream().filter(CoreDefinitions::listed).toList();
	}

	private static boolean listed(IBaseResource resource) {
		StructureDefinition definition = (StructureDefinition) resource;
		return definition.getDerivation() == StructureDefinition.TypeDerivationRule.SPECIALIZATION
				|| definition.getUrl() == null || !definition.getUrl().startsWith(CORE);
	}

	private static void withoutDocumentation(IBaseResource resource) {
		synchronized (resource) {
			if (resource instanceof DomainResource domain) {
				domain.setText(null);
			}
			if (resource instanceof StructureDefinition definition) {
				// lists set to null: HAPI's getters would create an empty one where there was none
				definition.setDescription(null).setPurpose(null).setCopyright(null).setMapping(null).setContact(null);
				if (!definition.hasSnapshot()) {
					return;
				}
				definition.setDifferential(null);
				for (ElementDefinition element : definition.getSnapshot().getElement()) {
					element.setDefinition(null).setComment(null).setRequirements(null).setAlias(null).setExample(null)
							.setMapping(null);
					if (element.hasConstraint()) {
						element.getConstraint().forEach(c -> c.setXpath(null));
					}
				}
			} else if (resource instanceof CodeSystem codes) {
				codes.setDescription(null).setPurpose(null).setCopyright(null);
				if (codes.hasConcept()) {
					withoutDefinitions(codes.getConcept());
				}
			} else if (resource instanceof ValueSet values) {
				values.setDescription(null).setPurpose(null).setCopyright(null);
			}
		}
	}

	/** Each text once: type codes, canonical URLs, the invariants every element repeats (about 80 000 distinct). */
	@SuppressWarnings("unchecked")
	private static void shareTexts(IBaseResource resource, FhirTerser terser, Map<String, String> shared) {
		synchronized (resource) {
			for (PrimitiveType<?> value : terser.getAllPopulatedChildElementsOfType(resource, PrimitiveType.class)) {
				if (value.getValue() instanceof String text) {
					((PrimitiveType<String>) value).setValue(shared.computeIfAbsent(text, t -> t));
				}
			}
		}
	}

	private static void withoutDefinitions(List<CodeSystem.ConceptDefinitionComponent> concepts) {
		for (CodeSystem.ConceptDefinitionComponent concept : concepts) {
			concept.setDefinition(null);
			if (concept.hasConcept()) {
				withoutDefinitions(concept.getConcept());
			}
		}
	}
}
