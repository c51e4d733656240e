-- A product code is unique among the live products, held by the database so that two parallel
-- creates cannot both pass the check: uniqueCode is the code (lower case) of a live product.
ALTER TABLE products_product ADD COLUMN uniqueCode VARCHAR(255);
UPDATE products_product SET uniqueCode = codeKey
 WHERE deletedAt IS NULL AND codeKey IS NOT NULL
   AND id = (SELECT MIN(p.id) FROM products_product p WHERE p.codeKey = products_product.codeKey AND p.deletedAt IS NULL);
CREATE UNIQUE INDEX products_product_unique_code ON products_product (uniqueCode);
