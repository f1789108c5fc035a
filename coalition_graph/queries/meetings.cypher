// Every meeting: summits, ministerials, contact-group meetings, video calls, conferences, bilaterals.
MATCH (m:Meeting)
RETURN m.id AS id, m.name AS name, m.kind AS kind, m.start_date AS start_date, m.end_date AS end_date,
       m.date_precision AS date_precision, m.city AS city, m.country AS country, m.mode AS mode,
       m.sources AS sources
