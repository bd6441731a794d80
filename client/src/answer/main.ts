// Entry of the survey answering pages (/survey/…): owned by the answering pages' work.
