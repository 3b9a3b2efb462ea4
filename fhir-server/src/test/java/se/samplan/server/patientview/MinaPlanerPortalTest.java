package se.samplan.server.patientview;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.samplan.profiles.SipPackage;
import se.samplan.server.Chromium;
import se.samplan.server.ServerTestBase;
import se.samplan.server.identifier.IdentifierSystem;
import se.samplan.testkit.county.County;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Mina planer" page in a real headless Chromium at phone width (375 px): a demo person logs in (the portal is
 * a SMART app: sign-in, picker and consent of the server's authorization server), sees
 * their plan with its goals (screenshot kept in {@code target/portal/}), accepts a coming meeting, adds
 * what matters to them, and finds their own visit in "vem har läst min plan"; another withdraws consent.
 */
@Tag("R13")
@Tag("above-storage")
class MinaPlanerPortalTest extends ServerTestBase {

	static final Path SCREENSHOTS = Path.of("target", "portal");

	@TempDir
	Path profile;
	private WebDriver browser;
	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() {
		browser = Chromium.start(profile);
		wait = new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	@AfterEach
	void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	/**
	 * Signs in as the portal does, through the server's authorization server (SMART, PKCE): the demo sign-in page,
	 * the picker (whom the portal is for), the consent screen, and back to the portal with the token.
	 */
	private void logIn(String personnummer, String fhirUser) {
		browser.get("http://localhost:" + port + "/portal/");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("login-button"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[name='username'][value='" + personnummer + "']"))).click();
		launch(fhirUser);
	}

	/** Signed in already: the portal asks the authorization server again, which asks whom for and for consent. */
	private void launch(String fhirUser) {
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[name='fhirUser'][value='" + fhirUser + "']"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.primary"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#plan-list article")));
		assertThat(browser.getCurrentUrl()).as("the code is gone from the address").doesNotContain("code=");
	}

	private void waitForText(By where, String text) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(where, text));
	}

	@Test
	void aPersonSeesTheirPlanAnswersAMeetingAddsWhatMattersAndSeesWhoReadIt() throws Exception {
		String plan = demoPlan("Patient/sip1-patient");
		List<String> goals = client.read().resource(CarePlan.class).withId(plan).execute().getGoal().stream()
				.map(g -> client.read().resource(Goal.class).withId(g.getReferenceElement().getIdPart()).execute()
						.getDescription().getText()).toList();
		assertThat(goals).isNotEmpty();

		logIn("193804129827", "Patient/sip1-patient");
		goals.forEach(goal -> waitForText(By.id("plan-list"), goal));
		assertThat(browser.findElement(By.id("plan-list")).getText()).contains("Vem har huvudansvaret", "Mina kontakter");
		Files.createDirectories(SCREENSHOTS);
		Path screenshot = SCREENSHOTS.resolve("mina-planer-375px.png");
		Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
		assertThat(screenshot).exists();
		assertThat(Files.size(screenshot)).isGreaterThan(10_000);
		assertThat((Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth"))
				.as("no sideways scrolling at 375 px").isLessThanOrEqualTo(375L);
		assertAccessibleBasics();

		// Accept the coming follow-up meeting, the one the worklist says waits for an answer.
		waitForText(By.id("to-answer"), "Du har 1 möte att svara på.");
		WebElement accept = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[text()='Tacka ja']")));
		accept.click();
		waitForText(By.id("status"), "Du har tackat ja");
		waitForText(By.id("to-answer"), "Du har svarat på alla kommande möten.");
		Bundle meetings = client.search().byUrl("Appointment?patient=Patient/sip1-patient&date=ge" + LocalDate.now())
				.returnBundle(Bundle.class).execute();
		assertThat(meetings.getEntry()).anySatisfy(e -> assertThat(((Appointment) e.getResource()).getParticipant())
				.anySatisfy(p -> {
					assertThat(p.getActor().getReference()).isEqualTo("Patient/sip1-patient");
					assertThat(p.getStatus()).isEqualTo(Appointment.ParticipationStatus.ACCEPTED);
				}));

		// Add what matters, in the person's own words: it joins the plan, and markup in it is shown as text.
		String words = "Att få gå till frisören på torsdagar <img src=x onerror=\"window.injected=1\"> & fika.";
		browser.findElement(By.id("matters-text")).sendKeys(words);
		browser.findElement(By.cssSelector("#matters-form button")).click();
		waitForText(By.id("plan-list"), words);
		assertThat(client.read().resource(CarePlan.class).withId(plan).execute().getGoal()).hasSize(goals.size() + 1);
		assertThat(browser.findElements(By.cssSelector("#plan-list img"))).isEmpty();
		JavascriptExecutor js = (JavascriptExecutor) browser;
		assertThat(js.executeScript("return window.injected")).isNull();
		// And a narrative holding anything the server's templates do not write is not shown at all.
		assertThat(js.executeScript("return narrative(arguments[0]).textContent",
				"<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hej</p><img src=\"x\" onerror=\"window.injected=1\"/></div>"))
				.isEqualTo("Den här delen kunde inte visas.");
		assertThat(js.executeScript("return narrative(arguments[0]).textContent", "<div><p>Utan namnrymd</p></div>"))
				.isEqualTo("Den här delen kunde inte visas.");
		assertThat(js.executeScript("return narrative(arguments[0]).textContent", "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hej</div>"))
				.isEqualTo("Den här delen kunde inte visas.");
		assertThat(js.executeScript("return narrative(arguments[0]).outerHTML", "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hej <b>du</b></p></div>"))
				.isEqualTo("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hej <b>du</b></p></div>");
		assertThat(js.executeScript("return window.injected")).isNull();

		// Who read my plan: the person's own visits are there. The token lived in the page only: a reload signs in
		// again, without the sign-in page, as the browser's session with the authorization server lasts.
		browser.navigate().refresh();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("login-button"))).click();
		launch("Patient/sip1-patient");
		waitForText(By.id("reader-list"), "Du själv");
		waitForText(By.id("reader-list"), "Personal");
	}

	@Test
	void aGuardianChoosesTheChildAndSeesTheChildsPlan() {
		browser.get("http://localhost:" + port + "/portal/");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("login-button"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[name='username'][value='198502219861']"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[name='fhirUser']")));
		assertThat(browser.findElements(By.cssSelector("button[name='fhirUser']"))).as("one child, no own plans")
				.extracting(b -> b.getAttribute("value")).containsExactly("RelatedPerson/sip2-guardian-anna");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Som vårdnadshavare");
		launch("RelatedPerson/sip2-guardian-anna");
		waitForText(By.id("who"), "Anna");
		actAs(OPERATOR);
		String childsGoal = client.read().resource(Goal.class).withId(client.read().resource(CarePlan.class)
				.withId(demoPlan("Patient/sip2-patient")).execute().getGoalFirstRep().getReferenceElement().getIdPart())
				.execute().getDescription().getText();
		waitForText(By.id("plan-list"), childsGoal);
	}

	@Test
	void aPersonWithdrawsConsentFromThePortal() {
		Patient p = new Patient();
		p.addName().setFamily("Portalsson").addGiven("Greta");
		p.setBirthDateElement(new DateType("1961-03-03"));
		String personnummer = County.personnummer(LocalDate.of(1961, 3, 3), 417);
		p.addIdentifier().setSystem(IdentifierSystem.PERSONNUMMER.canonical()).setValue(personnummer);
		String patient = "Patient/" + client.create().resource(p).execute().getId().getIdPart();
		Parameters in = new Parameters();
		in.addParameter().setName("patient").setValue(new Reference(patient));
		in.addParameter().setName("initiator").setValue(new Reference(DEFAULT_USER));
		String plan = CTX.newJsonParser().parseResource(CarePlan.class, postJson("/CarePlan/$sip-initiate", in).body()).getIdPart();
		Consent consent = CTX.newJsonParser().parseResource(Consent.class, SipPackage.examples().get("Consent-sip1-consent.json"));
		consent.setId((String) null);
		consent.setPatient(new Reference(patient));
		consent.getPerformer().clear();
		consent.addPerformer(new Reference(patient));
		consent.getProvision().getData().clear();
		in = new Parameters();
		in.addParameter().setName("consent").setResource(consent);
		assertThat(postJson("/CarePlan/" + plan + "/$sip-consent", in).statusCode()).isEqualTo(200);

		logIn(personnummer, patient);
		browser.findElement(By.id("withdraw")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("withdraw-yes"))).click();
		waitForText(By.id("status"), "samtycke är återkallat");
		assertThat(client.read().resource(CarePlan.class).withId(plan).execute().getStatus()).isEqualTo(CarePlan.CarePlanStatus.REVOKED);
	}

	/** One h1, Swedish, and every form control with its label. */
	private void assertAccessibleBasics() {
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
		assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
		for (WebElement control : browser.findElements(By.cssSelector("input, select, textarea"))) {
			assertThat(browser.findElements(By.cssSelector("label[for='" + control.getAttribute("id") + "']")))
					.as("label for #" + control.getAttribute("id")).hasSize(1);
		}
	}
}
