-- The GS1 Digital Link resolver finds a product by its GTIN before it knows the brand. Row-level
-- security hides every brand's GTINs from a caller with no brand, so this function, which may see
-- them all, answers that one question for one GTIN: whose model it is. Nothing else of the row.
create or replace function product_by_gtin(gtin14 text) returns table (brand_id uuid, model_id uuid)
language sql stable security definer set search_path = public, pg_temp as $$
  select g.brand_id, g.model_id from model_gtins g where g.gtin = gtin14
$$;

