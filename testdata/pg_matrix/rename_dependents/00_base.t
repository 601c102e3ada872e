down-q: SELECT string_agg(id || '/' || owner_id || '/' || nick, ',') FROM crm.pets => 1/1/rex
