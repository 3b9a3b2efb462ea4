#!/usr/bin/env bash
# The README's workflow walkthrough as one script: run it against the demo server
# (./mvnw -B -DskipTests package && java -jar fhir-server/target/fhir-server-0.1.0.jar --spring.profiles.active=demo)
# to see each step's effect and each refusal. Needs only bash, curl, grep and cut.
# Each party acts with its own token from the demo issuer (POST /auth/token).
set -u
B=${1:-http://localhost:8080/fhir}
J='Content-Type: application/fhir+json'
token() { curl -s -X POST "${B%/fhir}/auth/token" -d "user=$1" | grep -o '"access_token":"[^"]*"' | cut -d'"' -f4; }
NURSE=$(token PractitionerRole/sip1-role-distriktsskoterska)   # the district nurse, who takes the initiative
AS=$NURSE
c() { curl -s -H "Authorization: Bearer $AS" "$@"; }
id() { grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4; }
say() { printf '\n== %s\n' "$*"; }
show() { head -c "${2:-400}" <<<"$1"; echo; }

say "0. A person (Tolvan, Skatteverket's well-known test personnummer)"
PATIENT=$(c -X POST "$B/Patient" -H "$J" -d '{"resourceType":"Patient",
  "meta":{"profile":["https://samplan.github.io/fhir/StructureDefinition/SipPatient"]},
  "identifier":[{"system":"http://electronichealth.se/identifier/personnummer","value":"19121212-1212"}],
  "name":[{"family":"Tolvansson","given":["Tolvan"]}],"birthDate":"1912-12-12"}' | id)
echo "Patient/$PATIENT"

say "1. \$sip-initiate: the district nurse takes the initiative (201 Created, phase initiated)"
OUT=$(c -X POST "$B/CarePlan/\$sip-initiate" -H "$J" -d '{"resourceType":"Parameters","parameter":[
  {"name":"patient","valueReference":{"reference":"Patient/'"$PATIENT"'"}},
  {"name":"initiator","valueReference":{"reference":"PractitionerRole/sip1-role-distriktsskoterska"}},
  {"name":"reason","valueString":"Utskrivningsklar; behöver hemtjänst och hemsjukvård."},
  {"name":"context","valueCode":"discharge"}]}')
PLAN=$(id <<<"$OUT"); echo "CarePlan/$PLAN"; grep -o '"valueCode":"initiated"' <<<"$OUT"

say "   refused: a second SIP for the same person (422, R8)"
show "$(c -X POST "$B/CarePlan/\$sip-initiate" -H "$J" -d '{"resourceType":"Parameters","parameter":[
  {"name":"patient","valueReference":{"reference":"Patient/'"$PATIENT"'"}},
  {"name":"initiator","valueReference":{"reference":"PractitionerRole/sip1-role-distriktsskoterska"}}]}')"

say "2. \$sip-consent: Tolvan consents, orally, to sharing between the municipality and the region (phase consented)"
OUT=$(c -X POST "$B/CarePlan/$PLAN/\$sip-consent" -H "$J" -d '{"resourceType":"Parameters","parameter":[{"name":"consent","resource":{
  "resourceType":"Consent",
  "extension":[{"url":"https://samplan.github.io/fhir/StructureDefinition/sip-consent-method","valueCode":"spoken"}],
  "status":"active",
  "scope":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/consentscope","code":"patient-privacy"}]},
  "category":[{"coding":[{"system":"https://samplan.github.io/fhir/CodeSystem/sip-consent-category","code":"sip"}]}],
  "dateTime":"2026-11-01T10:00:00+01:00",
  "performer":[{"reference":"Patient/'"$PATIENT"'"}],
  "policy":[{"uri":"https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/halso-och-sjukvardslag-201730_sfs-2017-30/"}],
  "provision":{"type":"permit","actor":[
    {"role":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"IRCP"}]},"reference":{"reference":"Organization/sip1-org-kommun"}},
    {"role":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"IRCP"}]},"reference":{"reference":"Organization/sip1-org-vardcentral"}}]}}}]}')
grep -o '"valueCode":"consented"' <<<"$OUT"

say "   refused: inviting an organisation the consent does not cover (422, R2)"
show "$(c -X POST "$B/CarePlan/$PLAN/\$sip-invite" -H "$J" -d '{"resourceType":"Parameters","parameter":[
  {"name":"start","valueDateTime":"2026-11-10T13:00:00+01:00"},{"name":"end","valueDateTime":"2026-11-10T14:00:00+01:00"},
  {"name":"organization","valueReference":{"reference":"Organization/sip2-org-bup"}}]}')"

say "3. \$sip-invite: the first meeting (here one already held, so the walkthrough can go on) and two invitations (phase invited)"
OUT=$(c -X POST "$B/CarePlan/$PLAN/\$sip-invite" -H "$J" -d '{"resourceType":"Parameters","parameter":[
  {"name":"start","valueDateTime":"2026-11-10T13:00:00+01:00"},{"name":"end","valueDateTime":"2026-11-10T14:00:00+01:00"},
  {"name":"organization","valueReference":{"reference":"Organization/sip1-org-kommun"}},
  {"name":"organization","valueReference":{"reference":"Organization/sip1-org-vardcentral"}},
  {"name":"note","valueString":"Hur ska vardagen fungera efter utskrivningen?"}]}')
MEETING=$(grep -o '"fullUrl":"[^"]*/Appointment/[0-9]*' <<<"$OUT" | grep -o '[0-9]*$')
TASKS=$(grep -o '"fullUrl":"[^"]*/Task/[0-9]*' <<<"$OUT" | grep -o '[0-9]*$' | tr '\n' ' ')
echo "Appointment/$MEETING, Task/ $TASKS"

say "   refused: the district nurse's unit answering the municipality's invitation (403, R5)"
T1=${TASKS%% *}
show "$(c -X POST "$B/Task/$T1/\$sip-respond" -H "$J" \
  -d '{"resourceType":"Parameters","parameter":[{"name":"answer","valueCode":"accept"}]}')"

say "4. \$sip-respond: each organisation accepts its own invitation"
for T in $TASKS; do
  OWNER=$(c "$B/Task/$T" | grep -o '"owner":{"reference":"[^"]*"' | cut -d'"' -f6)
  curl -s -H "Authorization: Bearer $(token "$OWNER")" -X POST "$B/Task/$T/\$sip-respond" -H "$J" \
    -d '{"resourceType":"Parameters","parameter":[{"name":"answer","valueCode":"accept"}]}' | grep -o '"status":"accepted"' | head -1
done

say "   refused: activating a plan without content (422, R6, every missing part)"
show "$(c -X POST "$B/CarePlan/$PLAN/\$sip-activate" -H "$J" -d '{"resourceType":"Parameters","parameter":[
  {"name":"meeting","valueReference":{"reference":"Appointment/'"$MEETING"'"}},
  {"name":"attended","valueReference":{"reference":"Organization/sip1-org-kommun"}}]}')" 1200

say "5. The parties write the plan: Tolvan's goal, the services and who performs them, responsibility, next follow-up"
GOAL=$(c -X POST "$B/Goal" -H "$J" -d '{"resourceType":"Goal",
  "meta":{"profile":["https://samplan.github.io/fhir/StructureDefinition/SipGoal"]},"lifecycleStatus":"active",
  "category":[{"coding":[{"system":"https://samplan.github.io/fhir/CodeSystem/sip-goal-category","code":"what-matters-to-me"}]}],
  "description":{"text":"Jag vill bo kvar hemma och klara mig själv så mycket som möjligt."},
  "subject":{"reference":"Patient/'"$PATIENT"'"},"expressedBy":{"reference":"Patient/'"$PATIENT"'"}}' | id)
c -X PATCH "$B/CarePlan/$PLAN" -H 'Content-Type: application/json-patch+json' -d '[
  {"op":"add","path":"/goal","value":[{"reference":"Goal/'"$GOAL"'"}]},
  {"op":"add","path":"/activity","value":[
    {"detail":{"status":"scheduled","description":"Distriktssköterska följer upp läkemedel varannan vecka","performer":[{"reference":"PractitionerRole/sip1-role-distriktsskoterska"}]}}]},
  {"op":"add","path":"/extension/-","value":{"url":"https://samplan.github.io/fhir/StructureDefinition/sip-overall-responsibility","valueReference":{"reference":"Organization/sip1-org-kommun"}}},
  {"op":"add","path":"/extension/-","value":{"url":"https://samplan.github.io/fhir/StructureDefinition/sip-next-follow-up","valueDateTime":"2027-05-01T10:00:00+02:00"}}]' \
  | grep -o '"versionId":"[0-9]*"'
echo "   the municipality writes its own service, home care (R7: each organisation decides about its own)"
AS=$(token Organization/sip1-org-kommun)
c -X PATCH "$B/CarePlan/$PLAN" -H 'Content-Type: application/json-patch+json' -d '[
  {"op":"add","path":"/activity/-","value":{"detail":{"status":"scheduled","description":"Hemtjänst med tillsyn två gånger dagligen","performer":[{"reference":"Organization/sip1-org-kommun"}]}}}]' \
  | grep -o '"versionId":"[0-9]*"'
say "   refused: the municipality changing the district nurse's service (403, R7)"
show "$(c -X PATCH "$B/CarePlan/$PLAN" -H 'Content-Type: application/json-patch+json' -d '[{"op":"replace","path":"/activity/0/detail/description","value":"Ingen uppföljning"}]')"
AS=$NURSE

say "6. \$sip-activate: the meeting agreed the plan (phase active, meeting fulfilled, invitations completed)"
c -X POST "$B/CarePlan/$PLAN/\$sip-activate" -H "$J" -d '{"resourceType":"Parameters","parameter":[
  {"name":"meeting","valueReference":{"reference":"Appointment/'"$MEETING"'"}},
  {"name":"attended","valueReference":{"reference":"Organization/sip1-org-kommun"}},
  {"name":"attended","valueReference":{"reference":"PractitionerRole/sip1-role-distriktsskoterska"}},
  {"name":"patientParticipation","valueCode":"present"}]}' | grep -o '"valueCode":"active"\|"status":"fulfilled"\|"status":"completed"' | sort | uniq -c

say "   refused: setting the status by hand (422, W1), deleting the plan (405, W3)"
show "$(c -X PATCH "$B/CarePlan/$PLAN" -H 'Content-Type: application/json-patch+json' -d '[{"op":"replace","path":"/status","value":"completed"}]')"
show "$(c -X DELETE "$B/CarePlan/$PLAN")"

say "7. \$sip-close: coordination is no longer needed (phase closed, status completed)"
c -X POST "$B/CarePlan/$PLAN/\$sip-close" -H "$J" -d '{"resourceType":"Parameters","parameter":[
  {"name":"reason","valueCoding":{"system":"https://samplan.github.io/fhir/CodeSystem/sip-closure-reason","code":"no-longer-needed"}}]}' \
  | grep -o '"valueCode":"closed"\|"status":"completed"' | sort -u

say "   refused: changing the closed plan (422, W2)"
show "$(c -X PATCH "$B/CarePlan/$PLAN" -H 'Content-Type: application/json-patch+json' -d '[{"op":"add","path":"/description","value":"Efteråt"}]')"

say "   every version of the plan is kept (R9)"
c "$B/CarePlan/$PLAN/_history" | grep -o '"versionId":"[0-9]*"' | sort -u | wc -l

say "8. The person reads the plan: Tolvan's token, the summary as HTML, and who has read Tolvan's data (R13, R15)"
AS=$(token "Patient/$PATIENT")
c "$B/CarePlan/$PLAN/\$sip-summary" -H 'Accept: text/html' | grep -o '<h2[^>]*>[^<]*</h2>' | sed 's/<[^>]*>//g'
c "$B/AuditEvent?patient=Patient/$PATIENT&_count=100" | grep -o '"reference":"PractitionerRole/[^"]*"\|"reference":"Organization/[^"]*"' | sort | uniq -c

say "   refused: someone else's plan reads as unknown (404)"
OTHER=$(AS=$(token operator) c "$B/CarePlan?subject=Patient/sip3-patient&_elements=id" | id)
show "$(c "$B/CarePlan/$OTHER")"

