// The yearly follow-up (R14, followup.md "Statistics"): the codes of its groups and the Measure that
// $sip-statistics reports against.

Alias: $measure-population = http://terminology.hl7.org/CodeSystem/measure-population

CodeSystem: SipStatisticsCS
Id: sip-statistics
Title: "Uppföljning av SIP (SIP statistics)"
Description: "The groups, stratifiers and strata of the SIP follow-up statistics (Measure sip-follow-up)."
* insert SipCodeSystemRules
* ^valueSet = Canonical(SipStatisticsVS)
* #initiated "Initierade planer" "Planer där initiativet togs under perioden."
* insert English(#initiated, Plans initiated)
* #consented "Samtyckta planer" "Planer där det första samtycket gavs under perioden."
* insert English(#consented, Plans consented)
* #made "Upprättade planer" "Planer som upprättades (aktiverades vid det första SIP-mötet) under perioden."
* insert English(#made, Plans made)
* #followed-up "Uppföljda planer" "Planer där minst ett uppföljningsmöte hölls under perioden."
* insert English(#followed-up, Plans followed up)
* #closed "Avslutade planer" "Planer som avslutades under perioden, per skäl."
* insert English(#closed, Plans closed)
* #days-to-first-meeting-median "Dagar till första mötet, median" "Dagar från initiativet till det första SIP-mötet, för planer som upprättades under perioden: median."
* insert English(#days-to-first-meeting-median, Median days to the first meeting)
* #days-to-first-meeting-p90 "Dagar till första mötet, 90:e percentilen" "Dagar från initiativet till det första SIP-mötet, för planer som upprättades under perioden: 90:e percentilen."
* insert English(#days-to-first-meeting-p90, Days to the first meeting at the 90th percentile)
* #invitations-answered-in-time "Kallelser besvarade i tid" "Andel av kallelserna under perioden som besvarades inom svarstiden."
* insert English(#invitations-answered-in-time, Invitations answered in time)
* #follow-ups-held-in-time "Uppföljningar i tid" "Andel av uppföljningsmötena under perioden som hölls senast den överenskomna dagen."
* insert English(#follow-ups-held-in-time, Follow-ups held in time)
* #deviations "Avvikelser per typ" "Avvikelser som identifierades under perioden, per typ."
* insert English(#deviations, Deviations by type)
* #deviations-by-organization "Avvikelser per verksamhet" "Avvikelser som identifierades under perioden, per berörd verksamhet."
* insert English(#deviations-by-organization, Deviations by organisation)
* #kva "KVÅ-registrerade åtgärder" "Åtgärder med länets KVÅ-koder för upprättad och uppföljd SIP, utförda under perioden."
* insert English(#kva, KVÅ procedures)
* #age-group "Åldersgrupp" "Barn (under 18 år när initiativet togs) eller vuxen."
* insert English(#age-group, Age group)
* #child "Barn" "Under 18 år när initiativet togs."
* insert English(#child, Child)
* #adult "Vuxen" "18 år eller äldre när initiativet togs."
* insert English(#adult, Adult)
* #principal-kind "Huvudman med övergripande ansvar" "Kommun eller region som har det övergripande ansvaret för planen."
* insert English(#principal-kind, Principal with overall responsibility)
* #closure-reason "Skäl till avslut" "Varför planen avslutades (sip-closure-reason)."
* insert English(#closure-reason, Closure reason)
* #deviation-type "Typ av avvikelse" "Typ av avvikelse (sip-deviation-type)."
* insert English(#deviation-type, Deviation type)
* #organization "Verksamhet" "Den verksamhet som avvikelsen berör."
* insert English(#organization, Organisation)
* #kva-code "KVÅ-kod" "Åtgärdskoden i KVÅ."
* insert English(#kva-code, KVÅ code)

ValueSet: SipStatisticsVS
Id: sip-statistics
Title: "Uppföljning av SIP (SIP statistics)"
Description: "All codes of the code system sip-statistics."
* insert SipValueSetRules
* include codes from system SipStatisticsCS

RuleSet: StatisticsGroup(code, population, criteria)
* group[+].code = SipStatisticsCS#{code}
* group[=].population[0].code = $measure-population#{population}
* group[=].population[0].criteria.language = #text/plain
* group[=].population[0].criteria.expression = "{criteria}"

RuleSet: Stratifier(code)
* group[=].stratifier[0].code = SipStatisticsCS#{code}

RuleSet: Proportion(code, numerator, denominator)
* group[+].code = SipStatisticsCS#{code}
* group[=].population[0].code = $measure-population#numerator
* group[=].population[0].criteria.language = #text/plain
* group[=].population[0].criteria.expression = "{numerator}"
* group[=].population[1].code = $measure-population#denominator
* group[=].population[1].criteria.language = #text/plain
* group[=].population[1].criteria.expression = "{denominator}"

Instance: SipFollowUpMeasure
InstanceOf: Measure
Usage: #definition
Title: "Uppföljning av SIP"
* id = "sip-follow-up"
* url = "https://samplan.github.io/fhir/Measure/sip-follow-up"
* name = "SipFollowUp"
* title = "Uppföljning av SIP (SIP follow-up statistics)"
* status = #active
* experimental = false
* publisher = "Samplan"
* description = "The county's follow-up of its SIPs for a period (R14), reported by $sip-statistics as a summary MeasureReport: plans initiated (by age group), consented, made (by the principal with overall responsibility), followed up, closed (by reason); days from initiative to the first meeting (median, 90th percentile); the shares of invitations answered in time and of follow-ups held by their date; deviations by type and by organisation; the county's KVÅ procedures. Events are counted in the period they happened; a report names no person. Counts from 1 to 4 are masked for callers other than the operator. The groups score differently (counts, proportions in percent, days), so the Measure states no one scoring; each group's population codes say what it counts."
* insert StatisticsGroup(initiated, initial-population, [[SIP CarePlans whose sip-initiative.date is in the period]])
* insert Stratifier(age-group)
* insert StatisticsGroup(consented, initial-population, [[SIP CarePlans whose earliest SIP Consent (Consent.dateTime) is in the period]])
* insert StatisticsGroup(made, initial-population, [[SIP CarePlans activated in the period (CarePlan.period.start)]])
* insert Stratifier(principal-kind)
* insert StatisticsGroup(followed-up, initial-population, [[SIP CarePlans with a follow-up meeting held (Appointment fulfilled) in the period]])
* insert StatisticsGroup(closed, initial-population, [[SIP CarePlans whose sip-closure.date is in the period]])
* insert Stratifier(closure-reason)
* insert StatisticsGroup(days-to-first-meeting-median, measure-population, [[Plans made in the period; score: median days from the initiative day to the first meeting's day]])
* insert StatisticsGroup(days-to-first-meeting-p90, measure-population, [[Plans made in the period; score: 90th percentile (nearest rank) of the days from the initiative day to the first meeting's day]])
* insert Proportion(invitations-answered-in-time, [[Invitations of the denominator the deadline sweeper did not record as unanswered]], [[Invitation Tasks authored in the period, not cancelled, answered or past their answer-by date]])
* insert Proportion(follow-ups-held-in-time, [[Follow-up meetings of the denominator held on or before the day agreed]], [[Follow-up meetings held in the period whose agreed day is known (Appointment.requestedPeriod.end)]])
* insert StatisticsGroup(deviations, initial-population, [[SipDeviations identified in the period]])
* insert Stratifier(deviation-type)
* insert StatisticsGroup(deviations-by-organization, initial-population, [[SipDeviations identified in the period, counted once per organisation they implicate]])
* insert Stratifier(organization)
* insert StatisticsGroup(kva, initial-population, [[Procedures with the county's KVÅ codes for SIP made and followed up, performed in the period]])
* insert Stratifier(kva-code)

Instance: sip-statistics
InstanceOf: OperationDefinition
Usage: #definition
Title: "$sip-statistics"
* url = "https://samplan.github.io/fhir/OperationDefinition/sip-statistics"
* name = "SipStatistics"
* title = "Uppföljning av SIP (the follow-up statistics)"
* status = #active
* kind = #operation
* experimental = false
* publisher = "Samplan"
* affectsState = false
* code = #sip-statistics
* description = "The county's SIP follow-up for a period (R14) as a summary MeasureReport against Measure/sip-follow-up, or as CSV with _format=text/csv (or Accept: text/csv). For the operator, and for callers with the scope samplan.statistics, who get only the plans of their own principal (the top of their organisation's partOf chain): a principal's plans are those whose organisation with overall responsibility, or else whose initiator's organisation, is the principal or one of its units. Counts from 1 to 4 are masked (data-absent-reason masked; '< 5' in CSV) for callers other than the operator. 403 for other callers."
* system = true
* type = false
* instance = false
* insert InParam(periodStart, 1, 1, date, [[The first day of the period.]])
* insert InParam(periodEnd, 1, 1, date, [[The last day of the period.]])
* insert InParam(principal, 0, 1, Reference, [[Only this principal's plans (an Organization; its units by partOf count with it). Default for a principal's analyst: their own.]])
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Resource
* parameter[=].documentation = "A MeasureReport (type summary), or a Binary with the CSV."
