"""English word lists the tagger reads names with; editorial choices live in tags.yaml instead."""

from __future__ import annotations

from importlib import resources


def _words(text: str) -> frozenset[str]:
    """A frozen set of the space-separated, already folded words of text."""
    return frozenset(text.split())


WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
CALENDAR = WEEKDAYS | _words(
    "january february march april may june july august september october november december jan feb mar apr jun jul "
    "aug sep sept oct nov dec"
)
# Words that are never a tag alone: weekdays, months, pronouns, function words, frequent sentence openers.
COMMON_WORDS = CALENDAR | _words(
    "i me my we us our you your he him his she her it its they them their this that these those who whom whose "
    "what which where when why how there here the a an and or but nor so yet if then than as at by for from in into "
    "on onto of off out over under up down to with without within about above after against along among around "
    "before behind below beside between beyond during except inside near since through throughout toward towards "
    "until upon via despite amid amidst unlike according also although though however meanwhile moreover nevertheless nonetheless "
    "furthermore therefore thus still unfortunately fortunately besides instead indeed otherwise earlier later "
    "now today tomorrow yesterday tonight last next all any each every "
    "both either neither other another such some many most more much few several no not yes only just even "
    "while whether because unless once again well let do does did is are was were be been being have has had "
    "will would shall should can could may might must said says say told added asked mr mrs ms dr sir madam "
    "below above total sales analysts company shares government officials sources people news reuter reuters "
    "christmas easter god allah men women man woman boy girl "
    "soccer football cricket tennis golf rugby baseball basketball boxing athletics squash hockey cycling "
    "swimming skiing sailing rowing motor racing"
)
# Words of a sport's name, as a wire's sport slug writes it before a headline ("Tennis-", "Rugby Union-").
SPORT_WORDS = _words(
    "soccer football cricket tennis golf rugby baseball basketball boxing athletics squash hockey cycling swimming "
    "skiing sailing rowing motor racing union league formula one ice horse alpine nordic track field sevens yachting "
    "olympics nfl nba nhl nascar volleyball handball snooker badminton judo wrestling gymnastics")
TITLES = _words(
    "senators sens reps ministers professor prof doctor teacher lawyer attorney coach author activist gov "
    "archbishop bishop cardinal rabbi imam sheikh captain capt sergeant sgt lieutenant lt detective det inspector "
    "coroner novelist journalist "
    "president president-elect vice-president premier chancellor minister prime secretary chairman chairwoman "
    "chairperson governor senator sen congressman congresswoman rep representative spokesman spokeswoman "
    "spokesperson ambassador envoy commissioner director chief head leader mayor judge justice general gen "
    "admiral colonel col commander king queen prince princess emir sheikh pope patriarch ayatollah mr mrs ms "
    "dr sir dame lord lady deputy vice executive ceo cfo coo treasurer attorney-general attorney economist analyst "
    "founder owner aide adviser advisor counsellor speaker delegate diplomat datuk dato seri tan sri tun tunku tengku haji "
    "sheikha crown chair chairs officer councilor councillor councilman councilwoman alderman solicitor prosecutor "
    "ombudsman comptroller controller auditor provost rector superintendent administrator strategist "
    "undersecretary registrar marshal emperor empress sultan duke duchess hrh shaikh father reverend rev monsignor "
    "amir sheriff constable warden steward chamberlain taoiseach tanaiste shri smt brigadier corporal commodore "
    "adm cmdr brig cpl supt insp"
)
# Titles that, before a single name, are part of how the person is known: "Prince Charles", "Queen Sofia".
ROYAL_TITLES = _words("king queen prince princess emperor empress crown sultan emir sheikh duke duchess pope lord lady")
# Words before a name that make the span a title rather than part of the name.
TITLE_MODIFIERS = _words(
    "foreign finance defence defense interior trade agriculture energy economy deputy vice acting former state "
    "majority minority petty assistant associate senior junior principal permanent managing first under emeritus"
)
# The domain of a minister, a ministry or a body ("Minister of Foreign Trade and Economic Cooperation", "Petroleum
# and Natural Gas Minister"): words that are no part of a person's name, nor a name alone.
DOMAIN_WORDS = _words(
    "affairs cooperation co-operation relations development trade industry industries commerce staff security "
    "planning resources communications transport transportation health education justice labour labor welfare "
    "environment culture tourism information technology science sciences economy economic finance defence defense "
    "interior energy agriculture fisheries forestry housing construction works mines mining exchequer treasury "
    "petroleum gas oil natural minerals electricity telecommunications posts broadcasting youth sports immigration "
    "customs revenue taxation budget statistics investment privatisation privatization reconstruction aviation "
    "railways roads shipping maritime textiles coal nuclear atomic research food drug drugs human services arts "
    "securities futures exchange insurance savings loan monetary fiscal social consumer products goods commodities "
    "foreign international external internal home emergency environmental administrative appropriations "
    "intelligence merchant marine rights refugees"
)
SPEECH_VERBS = _words(
    "said says told added noted stated explained remarked emphasized emphasised stressed recalled announced "
    "argued warned insisted wrote asked replied urged pointed suggested believes believed estimated predicted"
)
LEGAL_SUFFIXES = _words(
    "inc incorporated corp corporation co cos ltd limited plc llc lp ag sa nv bv gmbh spa sarl srl oy oyj abp ab asa kk "
    "bhd berhad sdn pte pty tbk kgaa pjsc ojsc jsc sgps sab"
)
# Legal forms written before the name ("PT Vale Indonesia", "PJSC Gazprom", "OAO Rosneft"): dropped like suffixes.
LEGAL_PREFIXES = _words("pt pjsc ojsc oao zao ooo jsc cjsc pao")
ORG_WORDS = _words(
    "consortium coalition confederation chamber syndicate cooperative co-operative partnership survey "
    "council committee commission ministry department agency office bureau service authority administration "
    "parliament congress senate assembly duma government cabinet court tribunal union league alliance federation "
    "association organisation organization institute institution university college academy foundation fund trust "
    "bank banks bancorp bancorporation bancshares bankshares banque banco societe exchange board reserve treasury party front movement army navy "
    "forces group groups "
    "company companies holdings industries international systems technologies technology partners associates "
    "airlines airways motors petroleum oil gas energy resources mining mines steel chemical chemicals foods "
    "communications electric electronics pharmaceuticals securities financial capital insurance investments "
    "inns stores homes media press newspaper broadcasting network church archdiocese diocese patriarchate synod couture "
    "parti partido partito partei archive archives programme telecom telecoms "
    "mission society club team brigade "
    "brigades battalion times post journal herald tribune gazette telegraph observer chronicle monitor izvestia "
    "pravda kommersant vedomosti television studios pictures records entertainment productions films brothers bros "
    "publishing publications laboratories labs pharma therapeutics instruments brands hotels resorts lines railways "
    "railroad logistics semiconductors breweries brewing distillers motor command fleet corps regiment guards "
    "flotilla squadron "
    # research and public bodies named by what they house ("the Levada Centre", "the Carnegie Endowment")
    "centre center endowment observatory laboratory museum "
    # the heads of legislatures' names in their own language ("State Duma", "Verkhovna Rada", "Lok Sabha"; the
    # one-word names, Knesset or Sejm, are in tags.yaml)
    "rada sabha khural jirga shura mazhilis cortes"
)
# Words that no person's name holds: a span of them after a title word is a body or a building, not a person
# ("General Staff Building", "National Association of Head Teachers").
NOT_NAME_WORDS = _words(
    "building buildings square street avenue road bridge palace museum gallery hall centre center station airport "
    "stadium park church cathedral mosque temple tower house prison hospital school staff teachers workers doctors "
    "nurses officers police guard guards forces troops platforms solutions networks services products materials "
    "devices dynamics enterprises ventures properties"
)
PLACE_WORDS = _words(
    "sea ocean gulf river lake island islands mountains peninsula strait bay canal valley desert region oblast krai "
    "province prefecture sound channel harbour harbor reef archipelago plateau basin lagoon fjord glacier heights delta "
    "boulevard drive gardens district"  # "Marine Drive", "Eden Gardens", "Marina District": never a person
)
# Words after a place that name the place itself ("Hong Kong Special Administrative Region", "New York City").
ADMINISTRATIVE_WORDS = _words("special administrative autonomous city metropolitan municipality region area")
PLACE_OPENERS = _words("gulf lake mount cape strait bay isle")
REGION_NOUNS = _words("region oblast krai province")
# Upper-case words in body text that are not organisations.
NOT_ACRONYMS = _words(
    "ai ev evs ipo esg it ui ux api "
    "i ii iii iv tv ok am pm gmt utc est edt cst pst ceo cfo coo fob cif lng lpg gnp gdp cpi mln bln dlrs pct cts "
    "vs ad bc usd eur rub libor aaa cmo cmos brief update corrected exclusive analysis factbox urgent flash "
    "caps rbi rbis era mvp"
)
# A body named by these words alone ("Finance Ministry", "the Senate", "Central Bank") needs its country.
INSTITUTION_WORDS = _words(
    "ministry department treasury parliament senate congress cabinet government central bank supreme court office "
    "foreign interior finance agriculture commerce trade defence defense justice economy economic industry energy "
    "labour labor health education transport planning affairs external home state of the and for"
)
INSTITUTION_HEADS = _words("ministry department treasury parliament senate congress cabinet bank court")
# Roles, ranks and descriptors written before a name ("Striker Kylian Mbappe", "Former Andersen", "Rival Wipro"):
# never part of the name, stripped like titles.
DESCRIPTORS = frozenset(phrase.strip() for phrase in (
    "five-eighth, five eighth, halfback, half-back, "
    "striker, midfielder, defender, goalkeeper, keeper, goalie, winger, fullback, full back, centre, center, fly half, "
    "flyhalf, scrum half, scrumhalf, wing, lock, prop, playmaker, opener, forward, guard, receiver, outfielder, reliever, "
    "centre back, center back, centre forward, center forward, left back, right back, wing back, left winger, "
    "right winger, left hander, right hander, leg spinner, off spinner, tight end, running back, point guard, "
    "flanker, hooker, quarterback, linebacker, pitcher, catcher, shortstop, batsman, batter, bowler, all rounder, "
    "wicketkeeper, wicket keeper, spinner, paceman, skipper, swimmer, sprinter, cyclist, jockey, boxer, golfer, "
    "gymnast, skater, skier, veteran, rookie, newcomer, teammate, compatriot, countryman, champion, titleholder, "
    "challenger, runner up, favourite, favorite, underdog, rival, fellow, former, ex, late, visiting, incoming, "
    "outgoing, retiring, acting, interim, self styled, would be, so called, tycoon, billionaire, magnate, "
    "financier, entrepreneur, businessman, businesswoman, banker, investor, dissident, rebel, militant, strongman, "
    "hardliner, reformer, opposition, ruling, senior, top, key, leading, junior"
).split(","))
# Plural nouns whose possessive is part of a name ("People's Liberation Army", "Congress of People's Deputies",
# "Workers' Party"), unlike a name's possessive ("Britain's Prince Charles").
PLURAL_POSSESSIVES = _words(
    "people's peoples' workers' women's children's men's farmers' veterans' citizens' deputies' employers' "
    "teachers' consumers' investors' traders' producers' growers' nations' soldiers' miners' writers' journalists' "
    "socialists' democrats' republicans' pensioners' students' doctors' nurses' officers' seafarers' dockers' "
    "bankers' exporters' manufacturers' shareholders' owners' drivers' pilots' peasants' patriots' martyrs'")
# Number words that open a span ("One Japanese official", "Four Africans") and are never part of a name.
NUMBER_WORDS = _words(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty hundred thousand million "
    "dozens hundreds thousands millions several both"
)
# Given names common in wire copy: a span whose second word is one of these, after a country, a demonym or a
# role, is that word's person ("Vietnam Gennady Bezdetko" -> Vietnam, Gennady Bezdetko).
GIVEN_NAMES = _words(
    "aaron abdul abdullah adam adrian ahmad ahmed alan albert alberto alejandro aleksandr alex alexander alexandre "
    "alexei alexey alfred ali alice alicia amir amy ana anatoly andre andrea andreas andrei andrew andrey andy angela "
    "angelo anita ann anna anne anthony antonio anwar arnold arthur ashraf barbara barry ben benjamin bernard bernd "
    "bill billy bob bobby boris brad brian bruce carl carlos carol catherine charles charlie chris christian "
    "christine christopher claude claudia colin craig dan daniel danny david dean deborah denis dennis derek "
    "diana diane dick dieter dmitry dmitri dominique don donald doug douglas dustin ed eddie edward elena elizabeth "
    "emily emma emmanuel eric erik ernst evgeny fabio felipe felix fernando francesco francis francisco francois "
    "frank franz fred frederick gary gennady georg george gerald gerard gerhard giovanni giuseppe gordon graham "
    "greg gregory guido gunter hans harold harry hassan heinz helen helmut henri henry herbert hideki hiroshi howard "
    "hugh hugo ian igor ilya ivan jack jacques jaime james jan jane janet jason javier jean jeff jeffrey jennifer "
    "jerry jim jimmy joan joe johann john johnny jon jonathan jorge jose josef joseph juan julia julian julie "
    "jurgen karen karl kate kathleen keith kelly ken kenneth kevin kim klaus kurt kylian larry laura lee leon leonid "
    "li lisa louis luc luis lynn marco marcos margaret maria mario mark martin mary matt matthew maurice max "
    "michael michel miguel mikhail mike mohamed mohammad mohammed muhammad nancy naoto nasser nathan neil nicholas "
    "nick nicolas nikolai nikolay norman oleg olga omar oscar otto pablo pascal patricia patrick paul pedro peter "
    "phil philip philippe pierre rafael ralph ramon raul ray raymond richard rick rob robert roberto robin roger "
    "roland ronald rosa ruth ryan said salman sam samuel sandra sara sarah scott sean sergei sergey shinzo shimon "
    "simon stefan stephen steve steven stipe susan taro ted terry thomas tim timothy todd tom tommy tony ulrich "
    "valentina valery vasily victor viktor vincent vladimir walter wang wayne werner william willy wolfgang xavier "
    "yasser yevgeny yitzhak yoshihiko yuri yury zhang"
)
# Given names of the US census lists that the `names` package ships (about 5,500), less those that head common
# phrases more often than names ("Summer Olympics", "Grace Road", "May Day").
NOT_GIVEN_NAMES = _words(
    "will may june april august summer autumn winter grace hope joy faith dawn star royal major king prince page "
    "lane general china asia india georgia virginia carolina florida dakota paris london sydney israel jordan "
    "dot sunny ivory ruby pearl jewel crystal amber honey candy cherry ginger holly ivy rose lily violet daisy "
    "heather olive hazel coral jade melody harmony destiny trinity charity mercy patience chance sage storm rain "
    "sky river ocean forest stone rock cliff dale glen heath wood field brook hill ford marshal sterling noble duke "
    "earl baron eve noel glory merry happy lucky precious angel pepper spice sugar brandy sherry art chase drew "
    "price rich young long small gold golden silver green brown white black gray grey")


def _census_given_names() -> frozenset[str]:
    """The folded given names of the census lists in the `names` package."""
    folder = resources.files("names")
    found: set[str] = set()
    for list_name in ("dist.male.first", "dist.female.first"):
        for line in folder.joinpath(list_name).read_text(encoding="ascii").splitlines():
            found.add(line.split(" ", 1)[0].lower())
    return frozenset(found) - NOT_GIVEN_NAMES - COMMON_WORDS - TITLES


GIVEN_NAMES = GIVEN_NAMES | _census_given_names()
# Words that end the name of a competition or an event, never an entity ("World Cup", "Hong Kong Open", "Greater
# Milwaukee Open", "Olympic Games"); "league" too in sport stories ("National League").
COMPETITION_WORDS = _words(
    "cup cups open opens championship championships games olympics olympiad series trophy tour classic masters "
    "prix invitational tournament meeting rally marathon euro ligue liga serie bundesliga division premiership "
    "olympic ashes test tests")
# Ordinals head names ("First Boston", "First Court of Appeals") but alone are list headings ("First one-day
# international", "Second test"): never a tag by themselves.
ORDINALS = _words("first second third fourth fifth sixth seventh eighth ninth tenth")
# Words that end the name of a law, a treaty or a document ("Tax Reform Act", "International Cocoa Agreement").
DOCUMENT_WORDS = _words(
    "act acts agreement accord accords treaty treaties declaration convention charter protocol pact plan doctrine "
    "initiative resolution amendment bill code constitution tax flag anthem list law")  # and symbols and lists
# Faiths and peoples named as adjectives ("the ruling Moslem party"): never a tag, nor the end of one.
FAITHS = _words(
    "moslem moslems muslim muslims christian christians jewish jew jews hindu hindus buddhist buddhists catholic "
    "catholics protestant protestants sunni sunnis shiite shiites shia arab arabs kurdish kurd kurds")
# Words after a market index's name ("the Dow Jones industrial average", "Nikkei index"): the name is no entity.
INDEX_WORDS = _words("index indices average averages industrial industrials futures")
# Words next to a team in a result: "Benetton beat Dinamo", "against Karlsruhe", "Kent v Surrey".
RESULT_WORDS = _words("beat beats defeated drew draw against v vs lost")
# Words before the name of a ship or a spacecraft, which is often a person's or a place's ("the tanker Exxon
# Valdez", "the shuttle Challenger").
VESSEL_NOUNS = _words(
    "tanker tankers ship ships vessel vessels freighter ferry liner carrier frigate destroyer cruiser submarine "
    "yacht rig trawler barge steamer supertanker shuttle spacecraft spaceship capsule rover lander orbiter airship "
    "tug tugs tugboat icebreaker dredger colt filly mare gelding stallion stayer racehorse thoroughbred")  # and horses
# Words before a place named as where something is or goes ("peace in Chechnya", "troops to Chechnya").
LOCATIVES = _words("in into inside outside across throughout near to from towards toward")
# Words that open a place's name rather than a club's ("North Carolina", "Greater London", "New York").
PLACE_PREFIXES = _words(
    "north south east west northern southern eastern western central upper lower greater new old san santa st "
    "saint fort port mount lake")
# A party member's adjective after a place or body ("Kansas Republican", "Senate Democrats"): not part of a name.
PARTY_MEMBERS = _words("republican republicans democrat democrats communist communists socialist socialists")
# Industry words: after a country they name a trade ("U.S. Oil output"), not a company ("Japan Airlines" is one).
INDUSTRY_WORDS = _words("oil gas energy steel petroleum mining chemical chemicals foods electricity power coal grain")
# Family names written first (Li Peng, Wang Yi, Deng Xiaoping): the first word is the one a story repeats.
FAMILY_NAMES_FIRST = _words(
    "li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo deng xi jiang wen zheng "
    "tang han feng cao peng zeng xiao tian dong pan yuan cai jia lu ding wei xue ye yan yu du dai xia zhong qian "
    "qin tan shi kim lee park choi jung kang cho yoon jang lim nguyen tran le pham hoang vu vo dang bui "
    "meng bai fang shen su ren lei hao kong mao qiu shao xiong jin liang duan hou yin gu tong "
    "yoo shin kwon hwang ahn an jeon ko moon bae baek roh seo jeong ryu ban"
)
# A span of these words alone is a kind of body, not the name of one ("Trade Union leaders", "Oil Company"); a party,
# front or army is named so ("Labour Party", "Workers Party", "Red Army").
GENERIC_ORG_WORDS = (ORG_WORDS | INDUSTRY_WORDS | _words("trade labour labor")) - _words(
    "party front movement army navy forces brigade brigades battalion league alliance")
# Words that end the name of a building, a hall, a gate or a room ("Great Hall of the People", "Rod Laver Arena",
# "Brandenburg Gate"): a venue,
# no entity a story is about.
BUILDING_WORDS = _words(
    "hall halls palace mausoleum tower towers arena stadium auditorium chapel cathedral mosque temple building hotel "
    "gate street avenue square road way")  # a street, as a building, is where news happens: "Downing Street"
# Words that open the name of an event ("Hurricane Andrew", "Operation Desert Storm", "Formula One") or end one
# ("Universal Exposition", "General Election"): no entity; and words of meetings that are events when numbered
# ("27th Congress of the CPSU", "Fourth Ministerial Conference"), bodies otherwise ("United States Congress").
EVENT_OPENERS = _words("hurricane typhoon cyclone storm tropical operation expo trofej trofeo trophee formula copa")
EVENT_WORDS = _words("exposition expo fair festival summit election elections by-election referendum")
SESSION_WORDS = _words("conference plenum session congress meeting assembly")
# Adjectives of a body's organs: a span of these and body words alone ("Central Committee", "Joint Committee",
# "Standing Committee") names no body until it says whose.
ORGAN_ADJECTIVES = _words(
    "joint central standing executive select special permanent general political governing advisory steering "
    "organising organizing interim provisional")
# An organ of a body after the body's name ("CPSU Central Committee"): the body is the entity.
ORGANS = frozenset({("central", "committee"), ("political", "bureau"), ("standing", "committee"),
                    ("executive", "committee"), ("politburo",), ("presidium",), ("secretariat",)})
# Nouns before the title of a work or a product ("the hospital drama ER", "the comedy Friends").
WORK_NOUNS = _words(
    "drama series show sitcom comedy film movie programme program soap opera album novel book game brand label app "
    "drug weedkiller herbicide pesticide")
# Nouns in apposition before a company's name ("Roundup maker Monsanto", "rival Danone", "carmaker Toyota").
ORG_NOUNS = _words(
    "maker makers producer owner unit subsidiary rival parent firm company carrier lender insurer retailer miner "
    "airline automaker carmaker chipmaker supplier operator developer builder brewer publisher broadcaster network "
    "studio conglomerate giant bank group")
# Heads of a body's name that another body can belong to ("Standing Committee of the National People's Congress"),
# unlike words of a trade's members ("National Association of Software and Service Companies").
BODY_WORDS = _words(
    "congress party union council commission committee assembly parliament senate bank organisation organization "
    "ministry government federation league alliance agency authority board court army forces front movement duma "
    "cabinet office bureau department")
