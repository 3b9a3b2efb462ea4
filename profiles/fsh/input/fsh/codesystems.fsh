// Code systems of the samplan.fhir.sip package.
// Displays and definitions are in Swedish (CodeSystem.language = sv); each concept has an English designation.

RuleSet: SipCodeSystemRules
* ^language = #sv
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* ^publisher = "Samplan"

RuleSet: English(code, text)
* {code} ^designation[0].language = #en
* {code} ^designation[0].use = $sct#900000000000013009 "Synonym"
* {code} ^designation[0].value = "{text}"

CodeSystem: SipPhaseCS
Id: sip-phase
Title: "SIP-fas (SIP phase)"
Description: "The phase of a SIP (samordnad individuell plan) in the planning workflow. The server keeps it in the CarePlan's sip-phase extension; clients never set it directly (W1)."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipPhaseVS)
* #initiated "Initierad" "Någon har tagit initiativ till en SIP. Planen är ett utkast."
* insert English(#initiated, Initiated)
* #consented "Samtycke lämnat" "Den enskilde eller vårdnadshavarna har samtyckt till planen och till vilka verksamheter som får dela information."
* insert English(#consented, Consented)
* #invited "Kallad" "Det första mötet är bokat och berörda verksamheter är kallade."
* insert English(#invited, Invited)
* #active "Aktiv" "Det första mötet är hållet och planen är fastställd och gäller."
* insert English(#active, Active)
* #closed "Avslutad" "Planen är avslutad. Orsak och datum är dokumenterade."
* insert English(#closed, Closed)

CodeSystem: SipOrganizationKindCS
Id: sip-organization-kind
Title: "Typ av aktör i SIP (SIP organisation kind)"
Description: "What kind of actor an organisation is in a SIP: one of the two principals (kommun, region), a contractor acting for one of them, or another actor."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipOrganizationKindVS)
* #kommun "Kommun" "Kommunen som huvudman eller en kommunal verksamhet, till exempel socialtjänst, hemtjänst eller kommunal hälso- och sjukvård."
* insert English(#kommun, Municipality)
* #region "Region" "Regionen som huvudman eller en regional verksamhet, till exempel vårdcentral, psykiatri eller sjukhus."
* insert English(#region, Region)
* #contractor "Privat utförare" "Privat utförare som utför insatser på uppdrag av kommunen eller regionen."
* insert English(#contractor, Contractor)
* #school "Skola" "Förskola, skola eller elevhälsa."
* insert English(#school, School)
* #state-agency "Statlig myndighet" "Statlig myndighet, till exempel Försäkringskassan, Arbetsförmedlingen eller Kriminalvården."
* insert English(#state-agency, State agency)
* #dental "Tandvård" "Tandvård."
* insert English(#dental, Dental care)
* #other "Annan aktör" "Annan aktör, till exempel en ideell förening eller ett boende."
* insert English(#other, Other actor)

CodeSystem: SipParticipantRoleCS
Id: sip-participant-role
Title: "Roll i SIP (SIP participant role)"
Description: "The role a participant has in a SIP care team."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipParticipantRoleVS)
* #person "Den enskilde" "Personen som planen gäller."
* insert English(#person, The person)
* #guardian "Vårdnadshavare" "Vårdnadshavare för ett barn."
* insert English(#guardian, Guardian)
* #relative "Närstående" "Närstående som deltar i planeringen."
* insert English(#relative, Relative)
* #legal-representative "Legal företrädare" "God man, förvaltare eller annan legal företrädare för den enskilde."
* insert English(#legal-representative, Legal representative)
* #coordinator "Samordnare" "Den som sammankallar till möten och håller ihop planen."
* insert English(#coordinator, Coordinator)
* #designated-care-contact "Fast vårdkontakt" "Fast vårdkontakt som efter utskrivning från slutenvård skickar kallelsen."
* insert English(#designated-care-contact, Designated care contact)
* #principal-representative "Företrädare för huvudman" "Personal som företräder kommunen eller regionen i planeringen."
* insert English(#principal-representative, Principal representative)
* #other-actor "Företrädare för annan aktör" "Företrädare för annan aktör, till exempel skola, Försäkringskassan eller Arbetsförmedlingen."
* insert English(#other-actor, Other actor)

CodeSystem: SipGoalCategoryCS
Id: sip-goal-category
Title: "Kategori av mål i SIP (SIP goal category)"
Description: "Whether a goal in a SIP is what matters to the person, in their own words, or a shared goal of the plan."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipGoalCategoryVS)
* #what-matters-to-me "Det här är viktigt för mig" "Det som är viktigt för den enskilde, uttryckt med egna ord."
* insert English(#what-matters-to-me, What matters to me)
* #goal "Mål" "Ett gemensamt mål i planen."
* insert English(#goal, Goal)

CodeSystem: SipCareTeamCS
Id: sip-care-team
Title: "Typ av SIP-team (SIP care team category)"
Description: "Category of a CareTeam that gathers everyone taking part in a SIP."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipCareTeamVS)
* #sip "SIP-team" "Alla som deltar i en samordnad individuell plan: den enskilde, närstående och verksamheter."
* insert English(#sip, SIP care team)

CodeSystem: SipConsentCategoryCS
Id: sip-consent-category
Title: "Kategori av samtycke för SIP (SIP consent category)"
Description: "Category of a Consent that covers a SIP."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipConsentCategoryVS)
* #sip "Samtycke till SIP" "Samtycke till att en samordnad individuell plan upprättas och att de angivna verksamheterna delar information för planen."
* insert English(#sip, Consent to a SIP)

CodeSystem: SipTaskTypeCS
Id: sip-task-type
Title: "Typ av uppgift i SIP (SIP task type)"
Description: "Kinds of Task used in the SIP workflow."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipTaskTypeVS)
* #invitation "Kallelse" "Kallelse av en verksamhet till ett SIP-möte."
* insert English(#invitation, Invitation)

CodeSystem: SipMeetingTypeCS
Id: sip-meeting-type
Title: "Typ av SIP-möte (SIP meeting type)"
Description: "The kind of SIP meeting."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipMeetingTypeVS)
* #first "Första SIP-mötet" "Det första mötet, där planen upprättas."
* insert English(#first, First meeting)
* #follow-up "Uppföljningsmöte" "Möte där planen följs upp och vid behov revideras."
* insert English(#follow-up, Follow-up meeting)

CodeSystem: SipDueKindCS
Id: sip-due-kind
Title: "Tidsgräns i SIP (SIP due kind)"
Description: "The deadlines of the start of a SIP kept on the plan (sip-due), computed by the server from the county's day limits (R4)."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipDueKindVS)
* #invitation "Kallelse skickad" "Senaste dag då verksamheterna ska ha kallats till det första SIP-mötet."
* insert English(#invitation, Invitation sent)
* #first-meeting "Första mötet hållet" "Senaste dag då det första SIP-mötet ska ha hållits."
* insert English(#first-meeting, First meeting held)

CodeSystem: SipClosureReasonCS
Id: sip-closure-reason
Title: "Orsak till avslut av SIP (SIP closure reason)"
Description: "Why a SIP was closed (R10)."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipClosureReasonVS)
* #no-longer-needed "Behov av samordning finns inte längre" "Den enskilde behöver inte längre samordnade insatser."
* insert English(#no-longer-needed, No longer needed)
* #consent-withdrawn "Samtycket har återkallats" "Den enskilde eller vårdnadshavarna har återkallat samtycket."
* insert English(#consent-withdrawn, Consent withdrawn)
* #declined "Den enskilde har tackat nej" "Den enskilde vill inte ha en samordnad individuell plan."
* insert English(#declined, Declined)
* #moved "Den enskilde har flyttat" "Den enskilde har flyttat från kommunen eller regionen."
* insert English(#moved, Moved)
* #deceased "Den enskilde har avlidit" "Den enskilde har avlidit."
* insert English(#deceased, Deceased)
* #coordinated-care-plan-instead "Samordnad vårdplan i stället" "Den enskilde har öppen psykiatrisk tvångsvård eller öppen rättspsykiatrisk vård; samordningen sker i en samordnad vårdplan."
* insert English(#coordinated-care-plan-instead, Coordinated care plan instead)
* #entered-in-error "Felregistrerad" "Planen upprättades av misstag."
* insert English(#entered-in-error, Entered in error)

CodeSystem: SipDeviationTypeCS
Id: sip-deviation-type
Title: "Typ av avvikelse i SIP (SIP deviation type)"
Description: "Kinds of deviation (avvikelse) in the cooperation around a SIP (R12)."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipDeviationTypeVS)
* #invitation-unanswered "Kallelse obesvarad" "En kallad verksamhet har inte svarat på kallelsen i tid."
* insert English(#invitation-unanswered, Invitation unanswered)
* #invitation-declined "Kallelse avböjd" "En kallad verksamhet har avböjt att delta."
* insert English(#invitation-declined, Invitation declined)
* #absent-from-meeting "Uteblev från mötet" "En kallad verksamhet kom inte till mötet."
* insert English(#absent-from-meeting, Absent from meeting)
* #service-not-delivered "Insats har inte utförts" "En insats i planen har inte utförts som överenskommet."
* insert English(#service-not-delivered, Service not delivered)
* #follow-up-overdue "Uppföljning försenad" "Planen har inte följts upp vid den överenskomna tidpunkten."
* insert English(#follow-up-overdue, Follow-up overdue)
* #start-delayed "Start försenad" "Kallelsen eller det första SIP-mötet kom inte inom den tid som länet har bestämt."
* insert English(#start-delayed, Start delayed)
* #other "Annan avvikelse" "Annan brist i samverkan kring planen."
* insert English(#other, Other deviation)

CodeSystem: SipRuleCS
Id: sip-rule
Title: "Regler för SIP (SIP rules)"
Description: "The rules the Samplan server enforces, used in OperationOutcome.issue.details so a client can tell which rule refused its request. R-rules come from the law and the county guidelines (design/domain.md), W-rules from the workflow (design/workflow.md)."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipRuleVS)
* #R1 "Behov av SIP" "En SIP upprättas för den som behöver insatser från både socialtjänst och hälso- och sjukvård."
* insert English(#R1, Need)
* #R2 "Samtycke" "En plan upprättas bara om den enskilde samtycker; samtycket anger vilka verksamheter som får dela information."
* insert English(#R2, Consent)
* #R3 "Barn" "För ett barn samtycker vårdnadshavarna, båda om de är två, eller barnet självt om det bedömts moget."
* insert English(#R3, Children)
* #R4 "Utan dröjsmål" "Arbetet med planen påbörjas utan dröjsmål, inom de tidsgränser som gäller."
* insert English(#R4, Without delay)
* #R5 "Kallelse" "Kallade verksamheter ska delta; den som avböjer anger skäl."
* insert English(#R5, Invitation)
* #R6 "Planens innehåll" "Planen anger mål, insatser och vem som utför dem, huvudman med övergripande ansvar och uppföljning."
* insert English(#R6, Plan content)
* #R7 "Egna beslut" "Varje huvudman beslutar om sina egna insatser; en verksamhet ändrar bara sina egna aktiviteter."
* insert English(#R7, Own decisions)
* #R8 "En plan" "En person har högst en öppen SIP."
* insert English(#R8, One plan)
* #R9 "Uppföljning" "Planen följs upp vid överenskommen tidpunkt och tidigare versioner bevaras."
* insert English(#R9, Follow-up)
* #R10 "Avslut" "Planen avslutas med orsak och datum; öppna kallelser och möten ställs in."
* insert English(#R10, Closing)
* #R11 "Undantag vid ÖPT och ÖRV" "Vid öppen psykiatrisk tvångsvård eller öppen rättspsykiatrisk vård görs en samordnad vårdplan i stället."
* insert English(#R11, Exception for ÖPT and ÖRV)
* #R12 "Avvikelser" "Brister i samverkan rapporteras som avvikelser."
* insert English(#R12, Deviations)
* #R13 "Den enskildes åtkomst" "Den enskilde och i vissa fall vårdnadshavare kan läsa planen."
* insert English(#R13, Patient access)
* #R14 "Uppföljningsstatistik" "Upprättade och uppföljda planer samt avvikelser redovisas årligen."
* insert English(#R14, Follow-up statistics)
* #R15 "Åtkomst och loggning" "Bara deltagande verksamheter inom samtycket ser planen, och all åtkomst loggas."
* insert English(#R15, Access and logging)
* #W1 "Fasen styrs av servern" "Fas och status ändras bara genom SIP-operationerna."
* insert English(#W1, Managed phase)
* #W2 "Avslutad plan är slutgiltig" "En avslutad plan och dess möten och kallelser kan inte ändras."
* insert English(#W2, Closed is final)
* #W3 "Historiken bevaras" "Planer och tillhörande resurser raderas inte; misstag avslutas som felregistrerade."
* insert English(#W3, History kept)

CodeSystem: SipInitiativeContextCS
Id: sip-initiative-context
Title: "Sammanhang för initiativ till SIP (SIP initiative context)"
Description: "In which setting the initiative to a SIP was taken (used in the sip-initiative extension)."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipInitiativeContextVS)
* #outpatient "Öppenvård" "Initiativet togs i öppen vård eller i socialtjänsten."
* insert English(#outpatient, Outpatient care)
* #discharge "Utskrivning från slutenvård" "Initiativet togs inför utskrivning från sluten vård enligt lagen om samverkan vid utskrivning."
* insert English(#discharge, Discharge from inpatient care)
* #school "Skola" "Initiativet togs av skolan eller elevhälsan."
* insert English(#school, School)
* #other "Annat sammanhang" "Initiativet togs i ett annat sammanhang."
* insert English(#other, Other setting)

CodeSystem: SipConsentMethodCS
Id: sip-consent-method
Title: "Sätt att lämna samtycke (Consent method)"
Description: "How consent to a SIP was given (R2)."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipConsentMethodVS)
* #spoken "Muntligt" "Samtycket lämnades muntligt och dokumenterades av personalen."
* insert English(#spoken, Spoken)
* #written "Skriftligt" "Samtycket lämnades skriftligt."
* insert English(#written, Written)
* #digital "Digitalt" "Samtycket lämnades digitalt, till exempel via e-tjänst med e-legitimation."
* insert English(#digital, Digital)

CodeSystem: SipPatientParticipationCS
Id: sip-patient-participation
Title: "Den enskildes deltagande (Patient participation)"
Description: "Whether the person took part in a SIP meeting (R6)."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipPatientParticipationVS)
* #present "Deltog" "Den enskilde deltog i mötet."
* insert English(#present, Present)
* #represented "Företräddes" "Den enskilde deltog inte själv men företräddes av vårdnadshavare, närstående eller legal företrädare."
* insert English(#represented, Represented)
* #absent "Deltog inte" "Den enskilde deltog inte och företräddes inte; skälet anges."
* insert English(#absent, Absent)

CodeSystem: SipInvitationAnswerCS
Id: sip-invitation-answer
Title: "Svar på kallelse (Invitation answer)"
Description: "An invited organisation's answer to a SIP invitation (operation $sip-respond)."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipInvitationAnswerVS)
* #accept "Accepterar" "Verksamheten deltar i mötet."
* insert English(#accept, Accept)
* #decline "Avböjer" "Verksamheten avböjer att delta och anger skäl."
* insert English(#decline, Decline)
