package se.samplan.server.conformance;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.jpa.packages.PackageInstallationSpec;
import ca.uhn.fhir.jpa.packages.PackageInstallOutcomeJson;
import ca.uhn.fhir.jpa.packages.util.PackageUtils;
import ca.uhn.fhir.jpa.term.api.ITermDeferredStorageSvc;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs the samplan.fhir.sip package from the classpath before the server takes requests: its
 * profiles and terminology go into the validation chain, its definitions are stored as resources, and
 * its search parameters become active. Never fetches anything: dependencies are not resolved, since
 * hl7.fhir.r4.core is built into HAPI. Announces {@link SipPackageInstalled} when done.
 */
@Component
public class SipPackageInstaller implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(SipPackageInstaller.class);

	private final IPackageInstallerSvc installer;
	private final JpaStorageSettings storageSettings;
	private final ISearchParamRegistry searchParamRegistry;
	private final ApplicationEventPublisher events;
	private final IInterceptorService interceptors;
	private final InstallIndexing indexing;
	private final ITermDeferredStorageSvc terminology;

	SipPackageInstaller(IPackageInstallerSvc installer, JpaStorageSettings storageSettings,
			ISearchParamRegistry searchParamRegistry, ApplicationEventPublisher events, IInterceptorService interceptors,
			InstallIndexing indexing, ITermDeferredStorageSvc terminology) {
		this.installer = installer;
		this.storageSettings = storageSettings;
		this.searchParamRegistry = searchParamRegistry;
		this.events = events;
		this.interceptors = interceptors;
		this.indexing = indexing;
		this.terminology = terminology;
	}

	@Override
	public void afterSingletonsInstantiated() {
		long start = System.nanoTime();
		PackageInstallationSpec spec = new PackageInstallationSpec()
				.setName(SipPackage.ID)
				.setVersion(SipPackage.VERSION)
				.setPackageContents(packageBytes())
				.setFetchDependencies(false)
				.setInstallMode(PackageInstallationSpec.InstallModeEnum.STORE_AND_INSTALL);
		spec.setReloadExisting(false);
		// HAPI's default types, the OperationDefinitions of the $sip-* operations, so clients can resolve the
		// canonicals the CapabilityStatement names, the Measure the follow-up statistics report against, and the
		// SubscriptionTopics (R4: Basic) the notifications follow.
		List<String> types = new ArrayList<>(PackageUtils.DEFAULT_INSTALL_TYPES);
		types.add("OperationDefinition");
		types.add("Measure");
		types.add("Basic");
		spec.setInstallResourceTypes(types);
		// Batch jobs are registered only once the context is refreshed, too late for a reindex job; the
		// package's search parameters index every resource written from now on. A new package version that
		// changes a search parameter of existing data needs a $reindex.
		boolean reindex = storageSettings.isMarkResourcesForReindexingUponSearchParameterChange();
		storageSettings.setMarkResourcesForReindexingUponSearchParameterChange(false);
		PackageInstallOutcomeJson outcome;
		interceptors.registerInterceptor(indexing);
		try {
			outcome = installer.install(spec);
		} finally {
			interceptors.unregisterInterceptor(indexing);
			indexing.flush();
			storageSettings.setMarkResourcesForReindexingUponSearchParameterChange(reindex);
		}
		// The package's code systems' concepts, stored after the install, are all in the terminology tables before the
		// server answers: while only some were, a valid code could be refused (422 "No codes in ValueSet belong to
		// CodeSystem") in the first seconds after a first start.
		terminology.saveAllDeferred();
		searchParamRegistry.forceRefresh();
		log.info("Installed {}#{} in {} ms: {}", SipPackage.ID, SipPackage.VERSION,
				(System.nanoTime() - start) / 1_000_000, outcome.getResourcesInstalled());
		events.publishEvent(new SipPackageInstalled());
	}

	private static byte[] packageBytes() {
		try (InputStream in = SipPackage.open()) {
			return in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
