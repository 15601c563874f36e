-- Species catalog. Ids below 1000 are the seeded species and never change (other services and
-- events refer to them); species added later through POST /species get ids from the sequence.
create table species (
    id               bigint        primary key,
    scientific_name  varchar(200)  not null,
    chinese_name     varchar(100)  not null,
    english_name     varchar(200),
    species_group    varchar(20)   not null,
    protection_level varchar(20)   not null,
    invasive         boolean       not null default false,
    sensitive        boolean       not null default false,
    updated_at       timestamptz   not null default now()
);
create unique index species_scientific_name_uq on species (lower(scientific_name));
create unique index species_chinese_name_uq on species (chinese_name);
create sequence species_id_seq start with 1000 increment by 1;

-- Every species the Jiaozuo biodiversity plan names. Protection levels follow the 2021 national
-- lists of key protected wild animals (国家重点保护野生动物名录) and plants (国家重点保护野生植物名录);
-- PROVINCIAL marks species on Henan's provincial list but not on the national ones; invasive ones
-- follow the 2022 list of key managed invasive alien species (重点管理外来入侵物种名录).
-- sensitive = poaching or collection target whose exact points must not be published.
insert into species (id, scientific_name, chinese_name, english_name, species_group, protection_level, invasive, sensitive) values
-- Mammals
(1,  'Panthera pardus japonensis',        '华北豹',       'North China leopard',         'MAMMAL',    'NATIONAL_I',  false, true),
(2,  'Moschus berezovskii',               '林麝',         'Forest musk deer',            'MAMMAL',    'NATIONAL_I',  false, true),
(3,  'Macaca mulatta',                    '猕猴',         'Rhesus macaque',              'MAMMAL',    'NATIONAL_II', false, false),
(4,  'Canis lupus',                       '狼',           'Grey wolf',                   'MAMMAL',    'NATIONAL_II', false, false),
(5,  'Nyctereutes procyonoides',          '貉',           'Raccoon dog',                 'MAMMAL',    'NATIONAL_II', false, false),
(6,  'Lutra lutra',                       '水獭',         'Eurasian otter',              'MAMMAL',    'NATIONAL_II', false, false),
-- Birds
(20, 'Ciconia nigra',                     '黑鹳',         'Black stork',                 'BIRD',      'NATIONAL_I',  false, true),
(21, 'Ciconia boyciana',                  '东方白鹳',     'Oriental stork',              'BIRD',      'NATIONAL_I',  false, true),
(22, 'Pelecanus crispus',                 '卷羽鹈鹕',     'Dalmatian pelican',           'BIRD',      'NATIONAL_I',  false, true),
(23, 'Mergus squamatus',                  '中华秋沙鸭',   'Scaly-sided merganser',       'BIRD',      'NATIONAL_I',  false, true),
(24, 'Otis tarda',                        '大鸨',         'Great bustard',               'BIRD',      'NATIONAL_I',  false, true),
(25, 'Clanga clanga',                     '乌雕',         'Greater spotted eagle',       'BIRD',      'NATIONAL_I',  false, true),
(26, 'Buteo hemilasius',                  '大鵟',         'Upland buzzard',              'BIRD',      'NATIONAL_II', false, false),
(27, 'Hydrophasianus chirurgus',          '水雉',         'Pheasant-tailed jacana',      'BIRD',      'NATIONAL_II', false, false),
(28, 'Ardea cinerea',                     '苍鹭',         'Grey heron',                  'BIRD',      'PROVINCIAL',  false, false),
(29, 'Himantopus himantopus',             '黑翅长脚鹬',   'Black-winged stilt',          'BIRD',      'NONE',        false, false),
-- Plants
(40, 'Taxus wallichiana var. mairei',     '南方红豆杉',   'Maire yew',                   'PLANT',     'NATIONAL_I',  false, true),
(41, 'Taihangia rupestris',               '太行花',       'Taihangia',                   'PLANT',     'NATIONAL_II', false, false),
(42, 'Elaeagnus mollis',                  '翅果油树',     'Shanxi oleaster',             'PLANT',     'NATIONAL_II', false, false),
(43, 'Opisthopappus taihangensis',        '太行菊',       'Taihang chrysanthemum',       'PLANT',     'PROVINCIAL',  false, false),
(44, 'Ophioglossum thermale',             '狭叶瓶尔小草', 'Narrow-leaved adder''s-tongue', 'PLANT',   'PROVINCIAL',  false, false),
(45, 'Ulmus taihangshanensis',            '太行榆',       'Taihang elm',                 'PLANT',     'PROVINCIAL',  false, false),
(46, 'Codonopsis pilosula',               '党参',         'Dangshen',                    'PLANT',     'PROVINCIAL',  false, false),
(47, 'Clematis kirilowii',                '太行铁线莲',   'Kirilow''s clematis',         'PLANT',     'PROVINCIAL',  false, false),
(48, 'Pteroceltis tatarinowii',           '青檀',         'Blue sandalwood',             'PLANT',     'PROVINCIAL',  false, false),
(49, 'Pinus bungeana',                    '白皮松',       'Lacebark pine',               'PLANT',     'PROVINCIAL',  false, false),
-- Invasive species (2022 key managed list)
(60, 'Hyphantria cunea',                  '美国白蛾',     'Fall webworm',                'INSECT',    'NONE',        true,  false),
(61, 'Solidago canadensis',               '加拿大一枝黄花', 'Canada goldenrod',          'PLANT',     'NONE',        true,  false),
(62, 'Bursaphelenchus xylophilus',        '松材线虫',     'Pine wood nematode',          'NEMATODE',  'NONE',        true,  false),
(63, 'Pomacea canaliculata',              '福寿螺',       'Golden apple snail',          'MOLLUSC',   'NONE',        true,  false);
