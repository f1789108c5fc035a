// Who said what, when, and at which meeting; direct quotes and reported speech.
// $speaker: part of the speaker's name or an id.
MATCH (s:Person)-[:STATED]->(st:Statement)
WHERE $speaker = '' OR s.id = $speaker OR toLower(s.name) CONTAINS toLower($speaker)
OPTIONAL MATCH (st)-[:STATED_AT]->(m:Meeting)
RETURN st.id AS id, s.id AS speaker_id, s.name AS speaker_name, st.text AS text, st.date AS date,
       st.direct AS direct, m.id AS meeting, st.sources AS sources
