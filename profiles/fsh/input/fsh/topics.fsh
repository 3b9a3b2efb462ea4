// The SubscriptionTopics of the notifications (followup.md, "Notifications"), in the R4 form of the
// Subscriptions R5 Backport IG: a Basic resource with the code SubscriptionTopic and the cross-version
// extensions of SubscriptionTopic. A topic-based Subscription names a topic's url in Subscription.criteria.

Alias: $topic-url = http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.url
Alias: $topic-status = http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.status
Alias: $topic-title = http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.title
Alias: $topic-description = http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.description
Alias: $topic-trigger = http://hl7.org/fhir/4.3/StructureDefinition/extension-SubscriptionTopic.resourceTrigger
Alias: $topic-event = http://hl7.org/fhir/4.3/StructureDefinition/extension-SubscriptionTopic.eventTrigger
Alias: $topic-filter = http://hl7.org/fhir/4.3/StructureDefinition/extension-SubscriptionTopic.canFilterBy

RuleSet: Topic(id, title, description)
* code = http://hl7.org/fhir/fhir-types#SubscriptionTopic
// the canonical url as an identifier too: a package installer finds a Basic by it
* identifier.system = "urn:ietf:rfc:3986"
* identifier.value = "https://samplan.github.io/fhir/SubscriptionTopic/{id}"
* extension[+].url = $topic-url
* extension[=].valueUri = "https://samplan.github.io/fhir/SubscriptionTopic/{id}"
* extension[+].url = $topic-title
* extension[=].valueString = "{title}"
* extension[+].url = $topic-description
* extension[=].valueMarkdown = "{description}"
* modifierExtension[+].url = $topic-status
* modifierExtension[=].valueCode = #active

// A change of one resource type ("Task": relative to http://hl7.org/fhir/StructureDefinition/, as HAPI
// matches it), by its state before (previous) and after (current).
RuleSet: Trigger(resource, interaction, previous, current)
* extension[+].url = $topic-trigger
* extension[=].extension[+].url = "resource"
* extension[=].extension[=].valueUri = "{resource}"
* extension[=].extension[+].url = "supportedInteraction"
* extension[=].extension[=].valueCode = #{interaction}
* extension[=].extension[+].url = "queryCriteria"
* extension[=].extension[=].extension[+].url = "previous"
* extension[=].extension[=].extension[=].valueString = "{previous}"
* extension[=].extension[=].extension[+].url = "current"
* extension[=].extension[=].extension[=].valueString = "{current}"
* extension[=].extension[=].extension[+].url = "requireBoth"
* extension[=].extension[=].extension[=].valueBoolean = true

RuleSet: Created(resource, current)
* extension[+].url = $topic-trigger
* extension[=].extension[+].url = "resource"
* extension[=].extension[=].valueUri = "{resource}"
* extension[=].extension[+].url = "supportedInteraction"
* extension[=].extension[=].valueCode = #create
* extension[=].extension[+].url = "queryCriteria"
* extension[=].extension[=].extension[+].url = "current"
* extension[=].extension[=].extension[=].valueString = "{current}"

// An event that is no change of a resource: the server raises it itself (a point in time).
RuleSet: Event(resource, description)
* extension[+].url = $topic-event
* extension[=].extension[+].url = "description"
* extension[=].extension[=].valueMarkdown = "{description}"
* extension[=].extension[+].url = "event"
* extension[=].extension[=].valueCodeableConcept.text = "{description}"
* extension[=].extension[+].url = "resource"
* extension[=].extension[=].valueUri = "{resource}"

RuleSet: FilterBy(resource, parameter, description)
* extension[+].url = $topic-filter
* extension[=].extension[+].url = "resource"
* extension[=].extension[=].valueUri = "{resource}"
* extension[=].extension[+].url = "filterParameter"
* extension[=].extension[=].valueString = "{parameter}"
* extension[=].extension[+].url = "description"
* extension[=].extension[=].valueMarkdown = "{description}"

Instance: sip-invited
InstanceOf: Basic
Usage: #definition
Title: "Topic: sip-invited"
* insert Topic(sip-invited, [[Kallad till SIP-möte]], [[An organisation is invited to a SIP meeting: a SIP invitation Task is created. Filter by owner for the invitations of one organisation.]])
* insert Created(Task, [[Task?code=https://samplan.github.io/fhir/CodeSystem/sip-task-type|invitation]])
* insert FilterBy(Task, owner, [[The invited organisation (Task.owner).]])

Instance: sip-invitation-answered
InstanceOf: Basic
Usage: #definition
Title: "Topic: sip-invitation-answered"
* insert Topic(sip-invitation-answered, [[Kallelse besvarad]], [[An invited organisation accepts or declines: a SIP invitation Task goes from requested or received to accepted or rejected. Filter by requester for the answers to one organisation's invitations.]])
* insert Trigger(Task, update, [[Task?code=https://samplan.github.io/fhir/CodeSystem/sip-task-type|invitation&status=requested,received]], [[Task?code=https://samplan.github.io/fhir/CodeSystem/sip-task-type|invitation&status=accepted,rejected]])
* insert FilterBy(Task, requester, [[Who sent the invitation (Task.requester).]])

Instance: sip-plan-activated
InstanceOf: Basic
Usage: #definition
Title: "Topic: sip-plan-activated"
* insert Topic(sip-plan-activated, [[Planen är upprättad]], [[The first SIP meeting was held and the plan became active (sip-phase invited to active).]])
* insert Trigger(CarePlan, update, [[CarePlan?sip-phase=invited]], [[CarePlan?sip-phase=active]])
* insert FilterBy(CarePlan, subject, [[The person (CarePlan.subject).]])

Instance: sip-follow-up-due
InstanceOf: Basic
Usage: #definition
Title: "Topic: sip-follow-up-due"
* insert Topic(sip-follow-up-due, [[Uppföljning närmar sig]], [[The agreed follow-up of an active plan (sip-next-follow-up) is near: within the server's setting, 14 days by default. Told once per plan and follow-up date, by the server's own sweep (a point in time, not a change). Filter by subject or sip-overall-responsibility.]])
* insert Event(CarePlan, [[Planens uppföljning infaller inom de dagar servern är inställd på.]])
* insert FilterBy(CarePlan, subject, [[The person (CarePlan.subject).]])
* insert FilterBy(CarePlan, sip-overall-responsibility, [[The organisation with overall responsibility for the plan.]])

Instance: sip-deadline-passed
InstanceOf: Basic
Usage: #definition
Title: "Topic: sip-deadline-passed"
* insert Topic(sip-deadline-passed, [[Tidsgräns passerad]], [[A deadline lapsed: the server recorded a SipDeviation invitation-unanswered, follow-up-overdue or start-delayed. Filter by implicated for those that concern one organisation.]])
* insert Created(DetectedIssue, [[DetectedIssue?code=https://samplan.github.io/fhir/CodeSystem/sip-deviation-type|invitation-unanswered,https://samplan.github.io/fhir/CodeSystem/sip-deviation-type|follow-up-overdue,https://samplan.github.io/fhir/CodeSystem/sip-deviation-type|start-delayed]])
* insert FilterBy(DetectedIssue, implicated, [[What the deviation concerns (DetectedIssue.implicated): a plan, an invitation, an organisation.]])

Instance: sip-consent-withdrawn
InstanceOf: Basic
Usage: #definition
Title: "Topic: sip-consent-withdrawn"
* insert Topic(sip-consent-withdrawn, [[Samtycket återkallat]], [[A SIP consent is withdrawn or ends: it goes from active to inactive. Filter by patient for one person.]])
* insert Trigger(Consent, update, [[Consent?category=https://samplan.github.io/fhir/CodeSystem/sip-consent-category|sip&status=active]], [[Consent?category=https://samplan.github.io/fhir/CodeSystem/sip-consent-category|sip&status=inactive]])
* insert FilterBy(Consent, patient, [[The person (Consent.patient).]])

Instance: sip-plan-closed
InstanceOf: Basic
Usage: #definition
Title: "Topic: sip-plan-closed"
* insert Topic(sip-plan-closed, [[Planen är avslutad]], [[The plan is closed (sip-phase closed), whatever its phase was.]])
* insert Trigger(CarePlan, update, [[CarePlan?sip-phase=initiated,consented,invited,active]], [[CarePlan?sip-phase=closed]])
* insert FilterBy(CarePlan, subject, [[The person (CarePlan.subject).]])
