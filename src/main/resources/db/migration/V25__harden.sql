-- Why a picture has no dHash although it is one (its header announced more pixels than the decoding budget).
ALTER TABLE media ADD COLUMN image_note VARCHAR(255);
