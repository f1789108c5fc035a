// Pledges over time: donor, recipient, amount (original currency and euros), what, kind, when, where.
// $donor: ISO3, id or part of the donor's name; $since/$until: ISO dates ('0001-01-01'/'9999-12-31' = open).
MATCH (d)-[:PLEDGED]->(p:Pledge)
WHERE ($donor = '' OR d.id = $donor OR toUpper(coalesce(d.iso3, '')) = toUpper($donor)
       OR toLower(d.name) CONTAINS toLower($donor))
  AND ((p.announced IS NULL AND $since = '0001-01-01' AND $until = '9999-12-31')
       OR (p.announced >= date($since) AND p.announced <= date($until)))
OPTIONAL MATCH (p)-[:PLEDGED_TO]->(r)
OPTIONAL MATCH (p)-[:ANNOUNCED_AT]->(m:Meeting)
OPTIONAL MATCH (who:Person)-[:ANNOUNCED]->(p)
OPTIONAL MATCH (p)-[:PART_OF]->(pkg:Pledge)
RETURN p.id AS id, d.id AS donor_id, d.name AS donor_name, d.iso3 AS donor_iso3,
       r.id AS recipient_id, r.name AS recipient_name, r.iso3 AS recipient_iso3,
       p.amount AS amount, p.currency AS currency, p.amount_eur AS amount_eur, p.eur_rate_date AS eur_rate_date,
       p.what AS what, p.kind AS kind, p.announced AS announced, p.status AS status,
       m.id AS meeting, who.id AS announced_by_id, who.name AS announced_by_name, pkg.id AS part_of,
       p.sources AS sources
