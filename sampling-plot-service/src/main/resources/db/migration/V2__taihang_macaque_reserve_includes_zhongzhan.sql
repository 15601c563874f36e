-- The plan (第一章 二、保护成效, "保护格局逐步形成"): 河南太行山猕猴国家级自然保护区 "涉及焦作的修武县、博爱县、中站区、沁阳市".
-- V1 seeded the reserve's Jiaozuo section with 修武县 410821, 博爱县 410822 and 沁阳市 410882 only;
-- 中站区 (GB/T 2260 410803) was missing.
insert into protected_area_county (protected_area_id, county_code) values
    ('taihang-macaque-nnr', '410803')
on conflict do nothing;
