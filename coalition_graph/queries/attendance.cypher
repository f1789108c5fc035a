// Who took part in which meeting (or was expected at it, or absent), with role and whom they represented.
// $meeting: part of the meeting's name, its city or its id; $person: part of a name or an id; $country: ISO3.
MATCH (a)-[e:ATTENDED]->(m:Meeting)
WHERE ($meeting = '' OR m.id = $meeting OR toLower(m.name) CONTAINS toLower($meeting)
       OR toLower(coalesce(m.city, '')) = toLower($meeting))
  AND ($person = '' OR (a.id STARTS WITH 'person/' AND (a.id = $person OR toLower(a.name) CONTAINS toLower($person))))
  AND ($country = '' OR e.country = toUpper($country))
RETURN e.id AS id, m.id AS meeting_id, m.name AS meeting_name, m.kind AS meeting_kind,
       m.start_date AS meeting_start, m.end_date AS meeting_end, m.city AS meeting_city,
       m.country AS meeting_country, m.sources AS meeting_sources,
       CASE WHEN a.id STARTS WITH 'person/' THEN a.id ELSE NULL END AS person_id,
       CASE WHEN a.id STARTS WITH 'person/' THEN a.name ELSE NULL END AS person_name,
       e.country AS country, e.organization AS organization, e.role AS role, e.status AS status,
       e.sources AS sources
