-- Reference data and the plot model of sampling-plot-service (plan 行动18: each priority-area county
-- sets 1–2 observation plots and surveys them regularly).

-- The ten county-level divisions; the same values as common's JiaozuoCounty (a test keeps them equal).
create table county (
    code          varchar(6)   primary key,
    chinese_name  varchar(50)  not null,
    english_name  varchar(100) not null,
    priority_area varchar(20)  check (priority_area in ('TAIHANG', 'YELLOW_RIVER'))
);

insert into county (code, chinese_name, english_name, priority_area) values
    ('410802', '解放区', 'Jiefang District',   null),
    ('410803', '中站区', 'Zhongzhan District', 'TAIHANG'),
    ('410804', '马村区', 'Macun District',     null),
    ('410811', '山阳区', 'Shanyang District',  null),
    ('410821', '修武县', 'Xiuwu County',       'TAIHANG'),
    ('410822', '博爱县', 'Bo''ai County',      'TAIHANG'),
    ('410823', '武陟县', 'Wuzhi County',       'YELLOW_RIVER'),
    ('410825', '温县',   'Wen County',         'YELLOW_RIVER'),
    ('410882', '沁阳市', 'Qinyang City',       'TAIHANG'),
    ('410883', '孟州市', 'Mengzhou City',      'YELLOW_RIVER');

-- The protected areas the plan names; ids are stable and used by plots and other services.
create table protected_area (
    id           varchar(60)  primary key,
    chinese_name varchar(100) not null,
    english_name varchar(200) not null,
    category     varchar(30)  not null check (category in ('NATURE_RESERVE', 'FOREST_PARK', 'GEOPARK', 'WETLAND_PARK')),
    level        varchar(20)  not null check (level in ('NATIONAL', 'PROVINCIAL'))
);

create table protected_area_county (
    protected_area_id varchar(60) not null references protected_area (id),
    county_code       varchar(6)  not null references county (code),
    primary key (protected_area_id, county_code)
);

insert into protected_area (id, chinese_name, english_name, category, level) values
    ('taihang-macaque-nnr', '河南太行山猕猴国家级自然保护区（焦作段）', 'Henan Taihangshan Macaque National Nature Reserve (Jiaozuo section)', 'NATURE_RESERVE', 'NATIONAL'),
    ('yellow-river-wetland-nnr', '河南黄河湿地国家级自然保护区（孟州段）', 'Henan Yellow River Wetland National Nature Reserve (Mengzhou section)', 'NATURE_RESERVE', 'NATIONAL'),
    ('yuntaishan-forest-park', '云台山国家森林公园', 'Yuntaishan National Forest Park', 'FOREST_PARK', 'NATIONAL'),
    ('yuntaishan-geopark', '云台山国家地质公园', 'Yuntaishan National Geopark', 'GEOPARK', 'NATIONAL'),
    ('jiayingguan-wetland-park', '河南武陟嘉应观黄河省级湿地公园', 'Henan Wuzhi Jiayingguan Yellow River Provincial Wetland Park', 'WETLAND_PARK', 'PROVINCIAL'),
    ('wenxian-wetland-park', '河南温县黄河省级湿地公园', 'Henan Wenxian Yellow River Provincial Wetland Park', 'WETLAND_PARK', 'PROVINCIAL');

insert into protected_area_county (protected_area_id, county_code) values
    ('taihang-macaque-nnr', '410882'),
    ('taihang-macaque-nnr', '410822'),
    ('taihang-macaque-nnr', '410821'),
    ('yellow-river-wetland-nnr', '410883'),
    ('yuntaishan-forest-park', '410821'),
    ('yuntaishan-geopark', '410821'),
    ('jiayingguan-wetland-park', '410823'),
    ('wenxian-wetland-park', '410825');

-- Last plot number handed out per county; "update ... returning" on this row serializes concurrent creates.
create table plot_code_counter (
    county_code varchar(6) primary key references county (code),
    last_number integer    not null
);

create table plot (
    code                 varchar(20)      primary key,
    name                 varchar(200)     not null,
    county_code          varchar(6)       not null references county (code),
    ecosystem            varchar(20)      not null,
    methods              varchar(200)     not null,
    geometry             text             not null,
    area_ha              double precision not null,
    protected_area_id    varchar(60)      references protected_area (id),
    established_on       date,
    survey_interval_days integer          not null check (survey_interval_days > 0),
    status               varchar(10)      not null check (status in ('ACTIVE', 'RETIRED')),
    created_at           timestamptz      not null,
    updated_at           timestamptz      not null,
    retired_at           timestamptz,
    version              integer          not null
);
create index plot_county_status on plot (county_code, status);

-- Every state a plot has been in, so a retired or reshaped plot keeps its history.
create table plot_revision (
    plot_code  varchar(20) not null references plot (code),
    revision   integer     not null,
    event_type varchar(20) not null,
    changed_at timestamptz not null,
    changed_by varchar(200),
    snapshot   text        not null,
    primary key (plot_code, revision)
);

create table survey (
    id           uuid         primary key,
    plot_code    varchar(20)  not null references plot (code),
    visited_on   date         not null,
    team         varchar(200) not null,
    method       varchar(20)  not null,
    effort_hours numeric(6,2) not null,
    notes        varchar(4000),
    recorded_by  varchar(200) not null,
    created_at   timestamptz  not null
);
create index survey_plot_visited on survey (plot_code, visited_on);

create table station (
    id           varchar(100)     primary key,
    type         varchar(20)      not null check (type in ('CAMERA_TRAP', 'ACOUSTIC')),
    plot_code    varchar(20)      not null references plot (code),
    lat          double precision not null,
    lon          double precision not null,
    installed_on date             not null,
    last_seen_at timestamptz,
    created_at   timestamptz      not null
);
create index station_plot on station (plot_code);
